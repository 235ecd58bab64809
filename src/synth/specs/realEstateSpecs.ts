import type {DomainSpec} from "../ToolSpec.js";

/** Property search, valuation, rent and mortgages. */
export const realEstateSpecs: DomainSpec = {
    domain: "real_estate",
    namespace: "homes",
    tools: [
        {
            name: "search_listings",
            description: "Search homes for sale or rent with filters.",
            action: "search listings",
            params: [
                "city: str<city> | in {} | City.",
                "listing_type: enum(sale,rent) | for {} | For sale or for rent.",
                "property_type?: str<property_type> | — {} | Type of property.",
                "min_bedrooms?: int[0..10](1..5) | with at least {} bedrooms | Fewest bedrooms.",
                "max_price?: num(500..3000000)/2 | under {} | Highest price (monthly rent for rentals).",
                "pets_allowed?=false: bool | that allow pets / regardless of pet policy | Only pet-friendly homes."
            ]
        },
        {
            name: "estimate_property_value",
            description: "Estimate the market value of a property.",
            action: "estimate the value of",
            standalone: "estimate a property's value",
            params: [
                "address: str<address> | {} | Property address.",
                "square_meters: num(20..600)/1 | , {} square meters | Living area.",
                "bedrooms: int[0..12](1..6) | with {} bedrooms | Number of bedrooms.",
                "year_built?: int[1800..2031](1900..2025) | built in {} | Construction year."
            ]
        },
        {
            name: "rent_estimate",
            description: "Estimate the monthly rent of an apartment in a neighbourhood.",
            action: "estimate the rent",
            params: [
                "neighborhood: str<neighborhood> | in the {} neighbourhood | Neighbourhood.",
                "city: str<city> | of {} | City.",
                "bedrooms: int[0..6](0..4) | for {} bedrooms | Number of bedrooms.",
                "furnished?=false: bool | furnished / unfurnished | Whether it is furnished."
            ]
        },
        {
            name: "mortgage_affordability",
            description: "Estimate the maximum home price a household can afford.",
            action: "work out how much house we can afford",
            params: [
                "annual_income: num(15000..500000)/2 | on an income of {} | Gross yearly household income.",
                "monthly_debts: num(0..8000)/2 | with {} in monthly debt payments | Existing monthly debt payments.",
                "down_payment: num(1000..500000)/2 | and a {} down payment | Available down payment.",
                "interest_rate: num(1..12)/2 | at {}% | Annual mortgage rate in percent."
            ]
        },
        {
            name: "schedule_viewing",
            description: "Schedule a viewing of a listing.",
            action: "schedule a viewing",
            params: [
                "listing_id: str<record_id> | of listing {} | Listing identifier.",
                "datetime: str<datetime> | at {} | Requested time, ISO 8601.",
                "name: str<person> | for {} | Visitor name.",
                "phone: str<phone> | (phone {}) | Visitor phone number."
            ]
        },
        {
            name: "neighborhood_stats",
            description: "Get schools, crime, transit and price statistics of a neighbourhood.",
            action: "get neighbourhood statistics",
            params: [
                "neighborhood: str<neighborhood> | for {} | Neighbourhood.",
                "city: str<city> | in {} | City.",
                "metrics?: enum(schools,crime,transit,prices,noise,green_space)[] | covering {} | Metrics to include."
            ]
        },
        {
            name: "property_tax",
            description: "Estimate the yearly property tax of a home.",
            action: "estimate the property tax",
            params: [
                "assessed_value: num(50000..3000000)/2 | for a home assessed at {} | Assessed value.",
                "state: str<state> | in {} | US state.",
                "homestead_exemption?=false: bool | with the homestead exemption / without exemptions | Whether the homestead exemption applies."
            ]
        },
        {
            name: "submit_rental_application",
            description: "Submit a rental application for a listing.",
            action: "apply for the rental",
            params: [
                "listing_id: str<record_id> | {} | Listing identifier.",
                "applicant_name: str<person> | for {} | Applicant's full name.",
                "email: str<email> | ({}) | Applicant e-mail.",
                "monthly_income: num(500..30000)/2 | with a monthly income of {} | Monthly income.",
                "move_in_date: str<date> | moving in on {} | Desired move-in date, YYYY-MM-DD."
            ]
        }
    ]
};
