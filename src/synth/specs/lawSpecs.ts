import type {DomainSpec} from "../ToolSpec.js";

/** Cases, statutes, deadlines and legal services. */
export const lawSpecs: DomainSpec = {
    domain: "law",
    namespace: "legal",
    tools: [
        {
            name: "get_case_details",
            description: "Get the parties, court, status and filings of a court case.",
            action: "get the details of case",
            standalone: "get court case details",
            params: [
                "case_number: str<case_number> | {} | Case number.",
                "court?: str<court> | in the {} | Court; all courts when omitted.",
                "include_filings?=false: bool | including the filings / without the filings | Whether to list the filings."
            ]
        },
        {
            name: "search_case_law",
            description: "Search court decisions by keywords, court and years.",
            action: "search case law",
            params: [
                "keywords: str<legal_area> | on {} | Search terms.",
                "court?: str<court> | from the {} | Court.",
                "from_year?: int[1800..2031](1950..2020) | from {} | Earliest decision year.",
                "to_year?: int[1800..2031](1990..2031) | to {} | Latest decision year."
            ]
        },
        {
            name: "filing_deadline",
            description: "Compute a filing deadline a number of days after a start date, skipping court holidays.",
            action: "compute the filing deadline",
            params: [
                "start_date: str<date> | counting from {} | Date the period starts, YYYY-MM-DD.",
                "days: int[1..365](7..90) | over {} days | Length of the period in days.",
                "jurisdiction: str<country_code> | in {} | ISO country code of the jurisdiction.",
                "business_days?=false: bool | in business days / in calendar days | Whether to count business days only."
            ]
        },
        {
            name: "find_lawyer",
            description: "Find lawyers by practice area and city.",
            action: "find a lawyer",
            params: [
                "practice_area: str<legal_area> | specialising in {} | Practice area.",
                "city: str<city> | in {} | City.",
                "languages?: str<language>[]{1,2} | who speaks {} | Languages the lawyer must speak.",
                "free_consultation?=false: bool | offering a free consultation / with any consultation terms | Only lawyers with a free first consultation."
            ]
        },
        {
            name: "trademark_search",
            description: "Search registered trademarks for a name.",
            action: "search trademarks",
            params: [
                "mark: str<brand> | for {} | Mark text.",
                "classes?: int[1..45](1..45)[]{1,3} | in Nice classes {} | Nice classification classes.",
                "region?=US: enum(US,EU,UK,JP,CN,WIPO) | in the {} register | Register to search."
            ]
        },
        {
            name: "small_claims_limit",
            description: "Get the small claims court limit of a US state.",
            action: "get the small claims limit",
            params: ["state: str<state> | in {} | US state."]
        },
        {
            name: "generate_nda",
            description: "Draft a mutual or one-way non-disclosure agreement.",
            action: "draft an NDA",
            params: [
                "party_a: str<company> | between {} | First party.",
                "party_b: str<company> | and {} | Second party.",
                "mutual?=true: bool | that is mutual / that is one-way | Whether both parties disclose.",
                "term_years?=2: int[1..10](1..5) | lasting {} years | Confidentiality term.",
                "governing_law: str<state> | under {} law | Governing law."
            ]
        },
        {
            name: "court_calendar",
            description: "List the hearings scheduled in a court on a date.",
            action: "list the hearings",
            params: [
                "court: str<court> | at the {} | Court.",
                "city: str<city> | in {} | City of the court.",
                "date: str<date> | on {} | Date, YYYY-MM-DD."
            ]
        }
    ]
};
