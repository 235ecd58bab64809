import type {DomainSpec} from "../ToolSpec.js";

/** Markets, loans, investment arithmetic and currencies. */
export const financeSpecs: DomainSpec = {
    domain: "finance",
    namespace: "finance",
    tools: [
        {
            name: "get_stock_quote",
            description: "Get the latest price, change and volume of a stock by ticker symbol.",
            action: "get the latest stock quote",
            params: [
                "symbol: str<ticker> | for {} | Ticker symbol, e.g. MSFT.",
                "exchange?: enum(NASDAQ,NYSE,LSE,TSE,XETRA) | on the {} | Exchange to quote from; primary listing when omitted."
            ]
        },
        {
            name: "get_price_history",
            description: "Get daily closing prices of a stock between two dates.",
            action: "get the closing price history",
            params: [
                "symbol: str<ticker> | of {} | Ticker symbol.",
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "interval?=daily: enum(daily,weekly,monthly) | at {} intervals | Sampling interval."
            ]
        },
        {
            name: "compound_interest",
            description: "Compute the future value of a deposit with compound interest.",
            action: "calculate compound interest",
            params: [
                "principal: num(100..100000)/2 | on {} | Initial deposit.",
                "annual_rate: num(0.1..15)/2 | at {}% a year | Annual interest rate in percent.",
                "years: int[1..100](1..40) | for {} years | Investment period.",
                "compounds_per_year?=12: enum(1,2,4,12,365) | compounded {} times a year | Compounding frequency."
            ]
        },
        {
            name: "loan_payment",
            description: "Compute the fixed monthly payment of an amortising loan.",
            action: "work out the monthly payment",
            params: [
                "amount: num(1000..900000)/2 | for a loan of {} | Loan principal.",
                "annual_rate: num(0.5..20)/2 | at {}% interest | Annual interest rate in percent.",
                "term_months: int[1..480](12..360) | over {} months | Number of monthly payments."
            ]
        },
        {
            name: "convert_currency",
            description: "Convert an amount from one currency to another at the latest exchange rate.",
            action: "convert",
            standalone: "convert currency",
            params: [
                "amount: num(1..50000)/2 | {} | Amount to convert.",
                "from_currency: str<currency> | {} | ISO 4217 code of the source currency.",
                "to_currency: str<currency> | to {} | ISO 4217 code of the target currency."
            ]
        },
        {
            name: "exchange_rate_on_date",
            description: "Get the historical exchange rate between two currencies on a date.",
            action: "get the exchange rate",
            params: [
                "base: str<currency> | from {} | ISO code of the base currency.",
                "quote: str<currency> | to {} | ISO code of the quote currency.",
                "date: str<date> | on {} | Date in YYYY-MM-DD format."
            ]
        },
        {
            name: "net_present_value",
            description: "Compute the net present value of a series of yearly cash flows.",
            action: "compute the NPV",
            params: [
                "discount_rate: num(0.5..20)/2 | at a discount rate of {}% | Annual discount rate in percent.",
                "cash_flows: num(-50000..80000)/2[]{2,15} | for the cash flows {} | Cash flows per year, the first one at year 0.",
            ]
        },
        {
            name: "portfolio_value",
            description: "Value a portfolio of stock holdings at current prices.",
            action: "value my portfolio",
            params: [
                {param: "holdings: obj[]{1,6} | holding {} | Positions in the portfolio.", fields: [
                    "symbol: str<ticker> | {} | Ticker symbol.",
                    "shares: num(1..500)/2 | {} shares | Number of shares held (fractional allowed)."
                ]},
                "currency?=USD: str<currency> | reported in {} | Currency of the total."
            ]
        },
        {
            name: "return_on_investment",
            description: "Compute the return on investment as a percentage.",
            action: "compute the ROI",
            params: [
                "cost: num(100..100000)/2 | for an investment of {} | Amount invested.",
                "final_value: num(50..200000)/2 | now worth {} | Current or final value."
            ]
        },
        {
            name: "inflation_adjust",
            description: "Adjust an amount of money for inflation between two years.",
            action: "adjust for inflation",
            params: [
                "amount: num(1..100000)/2 | an amount of {} | Amount in the original year's money.",
                "from_year: int[1913..2031](1960..2010) | from {} | Year of the original amount.",
                "to_year: int[1913..2031](2011..2031) | to {} | Year to express it in.",
                "country?=US: str<country_code> | using {} inflation data | Country whose consumer price index to use."
            ]
        },
        {
            name: "get_crypto_price",
            description: "Get the current price of a cryptocurrency in a fiat currency.",
            action: "get the current price of",
            standalone: "get a cryptocurrency price",
            params: [
                "coin: str<crypto> | {} | Coin symbol, e.g. BTC.",
                "vs_currency?=USD: str<currency> | in {} | Fiat currency to price it in."
            ]
        },
        {
            name: "dividend_history",
            description: "List the dividends a company paid in a year.",
            action: "list the dividends paid by",
            standalone: "list dividend payments",
            params: [
                "symbol: str<ticker> | {} | Ticker symbol.",
                "year: int[1990..2031](2005..2030) | in {} | Calendar year."
            ]
        },
        {
            name: "income_tax_estimate",
            description: "Estimate income tax owed for a yearly income and filing status.",
            action: "estimate the income tax",
            params: [
                "income: num(5000..500000)/2 | on an income of {} | Taxable yearly income.",
                "filing_status: enum(single,married_joint,married_separate,head_of_household) | filing as {} | Filing status.",
                "tax_year?=2024: int[2000..2031](2018..2030) | for tax year {} | Tax year.",
                "deductions?=0: num(100..40000)/2 | with {} in deductions | Itemised deductions."
            ]
        },
        {
            name: "break_even_point",
            description: "Compute how many units must be sold to break even.",
            action: "find the break-even point",
            params: [
                "fixed_costs: num(500..500000)/2 | with fixed costs of {} | Total fixed costs.",
                "price_per_unit: num(1..500)/2 | a unit price of {} | Selling price per unit.",
                "variable_cost_per_unit: num(0.5..300)/2 | and a variable cost of {} per unit | Variable cost per unit."
            ]
        }
    ]
};
