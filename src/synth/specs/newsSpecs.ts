import type {DomainSpec} from "../ToolSpec.js";

/** Headlines, article search and feeds. */
export const newsSpecs: DomainSpec = {
    domain: "news",
    namespace: "news",
    tools: [
        {
            name: "top_headlines",
            description: "Get top news headlines by category and country.",
            action: "get the top headlines",
            params: [
                "category: str<news_category> | in {} | News category.",
                "country?=us: str<country_code> | for {} | ISO country code.",
                "page_size?=10: int[1..100](3..30) | — {} of them | Number of headlines."
            ]
        },
        {
            name: "search_articles",
            description: "Search news articles by keyword within a date range.",
            action: "search news articles",
            params: [
                "query: str<topic> | about {} | Search terms.",
                "from_date?: str<date> | published since {} | Earliest publish date, YYYY-MM-DD.",
                "to_date?: str<date> | up to {} | Latest publish date, YYYY-MM-DD.",
                "language?=en: str<lang_code> | in language {} | Article language code.",
                "sort_by?=relevancy: enum(relevancy,popularity,published_at) | sorted by {} | Sort order."
            ]
        },
        {
            name: "subscribe_feed",
            description: "Subscribe to an RSS or Atom feed.",
            action: "subscribe to the feed at",
            standalone: "subscribe to a news feed",
            params: [
                "feed_url: str<url> | {} | Feed URL.",
                "folder?: str<tag> | in the {} folder | Folder to file it under."
            ]
        },
        {
            name: "fact_check",
            description: "Look up fact-checks of a claim.",
            action: "fact-check the claim",
            standalone: "fact-check a claim",
            params: [
                "claim: str<claim> | \"{}\" | The claim to check.",
                "max_results?=5: int[1..20](2..10) | with up to {} results | Number of fact-checks."
            ]
        },
        {
            name: "trending_topics",
            description: "List topics trending on news sites in a region.",
            action: "list trending topics",
            params: [
                "region: str<country_code> | in {} | ISO country code.",
                "hours?=24: int[1..168](6..72) | over the past {} hours | Time window."
            ]
        },
        {
            name: "news_digest",
            description: "Build a morning digest mixing headlines of several categories.",
            action: "build a news digest",
            params: [
                "categories: str<news_category>[]{2,4} | covering {} | Categories to include.",
                "items_per_category?=3: int[1..10](2..5) | with {} stories each | Stories per category.",
                "delivery_time?: str<time> | delivered at {} | Daily delivery time, HH:MM."
            ]
        }
    ]
};
