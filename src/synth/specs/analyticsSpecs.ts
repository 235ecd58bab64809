import type {DomainSpec} from "../ToolSpec.js";

/** Metrics, reports, experiments and datasets. */
export const analyticsSpecs: DomainSpec = {
    domain: "analytics",
    namespace: "analytics",
    tools: [
        {
            name: "query_metric",
            description: "Get a business metric over a date range.",
            action: "get",
            standalone: "get a business metric",
            params: [
                "metric: str<metric> | the {} | Metric name.",
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "granularity?=day: enum(hour,day,week,month) | by {} | Time bucket.",
                "segment?: enum(country,device,channel,plan) | split by {} | Breakdown dimension."
            ]
        },
        {
            name: "ab_test_significance",
            description: "Test whether the difference between two conversion rates is significant.",
            action: "check if the A/B test is significant",
            params: [
                "visitors_a: int(500..100000) | with {} visitors in A | Visitors in variant A.",
                "conversions_a: int(10..400) | , {} conversions in A | Conversions in variant A.",
                "visitors_b: int(500..100000) | , {} visitors in B | Visitors in variant B.",
                "conversions_b: int(10..400) | and {} conversions in B | Conversions in variant B.",
                "confidence?=0.95: enum(0.9,0.95,0.99) | at {} confidence | Confidence level."
            ]
        },
        {
            name: "describe_dataset",
            description: "Summarise the columns and statistics of a dataset.",
            action: "summarise the dataset",
            standalone: "summarise a dataset",
            params: [
                "dataset: str<dataset> | {} | Dataset name.",
                "columns?: str<db_column>[]{1,4} | for the columns {} | Columns to describe; all when omitted.",
                "sample_rows?=5: int[0..100](3..20) | with {} sample rows | Example rows to show."
            ]
        },
        {
            name: "forecast_series",
            description: "Forecast future values of a metric.",
            action: "forecast",
            standalone: "forecast a metric",
            params: [
                "metric: str<metric> | {} | Metric name.",
                "horizon_days: int[1..365](7..90) | for the next {} days | How far ahead.",
                "model?=auto: enum(auto,arima,prophet,ets) | with {} | Forecasting model."
            ]
        },
        {
            name: "funnel_report",
            description: "Compute conversion rates through a sequence of events.",
            action: "build a funnel report",
            params: [
                "steps: enum(visit,signup,activation,trial_start,purchase,renewal)[]{2,5} | over the steps {} | Events in funnel order.",
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD."
            ]
        },
        {
            name: "correlation",
            description: "Compute the correlation coefficient between two numeric series.",
            action: "compute the correlation",
            params: [
                "x: num(0..100)/1[]{3,10} | between {} | First series.",
                "y: num(0..100)/1[]{3,10} | and {} | Second series, same length.",
                "method?=pearson: enum(pearson,spearman,kendall) | using {} | Correlation method."
            ]
        },
        {
            name: "schedule_report",
            description: "E-mail a saved dashboard report on a schedule.",
            action: "schedule the report",
            params: [
                "dashboard: str<dashboard> | \"{}\" | Dashboard name.",
                "recipients: str<email>[]{1,3} | to {} | Who gets it.",
                "frequency: enum(daily,weekly,monthly) | {} | How often.",
                "format?=pdf: enum(pdf,csv,png) | as {} | Attachment format."
            ]
        }
    ]
};
