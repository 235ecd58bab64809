import type {DomainSpec} from "../ToolSpec.js";

/** Government services, documents, voting and public data. */
export const civicSpecs: DomainSpec = {
    domain: "civic",
    namespace: "gov",
    tools: [
        {
            name: "passport_appointment",
            description: "Book an appointment to apply for or renew a passport.",
            action: "book a passport appointment",
            params: [
                "office_city: str<city> | in {} | City of the passport office.",
                "date: str<date> | on {} | Preferred date, YYYY-MM-DD.",
                "service: enum(new,renewal,lost_or_stolen,name_change) | for a {} application | Service needed.",
                "applicants?=1: int[1..8](1..4) | for {} people | Number of applicants."
            ]
        },
        {
            name: "polling_place",
            description: "Find the polling place for a registered address.",
            action: "find my polling place",
            params: [
                "address: str<address> | for {} | Registered home address.",
                "election_date?: str<date> | for the election on {} | Election date, YYYY-MM-DD."
            ]
        },
        {
            name: "report_issue",
            description: "Report a public issue such as a pothole or broken streetlight to the city.",
            action: "report",
            standalone: "report an issue to the city",
            params: [
                "issue_type: enum(pothole,streetlight,graffiti,illegal_dumping,noise,fallen_tree) | a {} | Kind of issue.",
                "location: str<address> | at {} | Where it is.",
                "description?: str<message> | — \"{}\" | Extra details.",
                "photo_url?: str<url> | (photo: {}) | Link to a photo."
            ]
        },
        {
            name: "population_statistics",
            description: "Get population figures of a country for a year.",
            action: "get population figures",
            params: [
                "country: str<country> | for {} | Country.",
                "year: int[1950..2031](1990..2030) | in {} | Year.",
                "breakdown?=none: enum(none,age,sex,region) | broken down by {} | Breakdown."
            ]
        },
        {
            name: "renew_vehicle_registration",
            description: "Renew a vehicle's registration.",
            action: "renew the registration for plate",
            standalone: "renew a vehicle registration",
            params: [
                "license_plate: str<license_plate> | {} | License plate.",
                "state: str<state> | in {} | US state of registration.",
                "years?=1: enum(1,2) | for {} years | Renewal length."
            ]
        },
        {
            name: "permit_status",
            description: "Check the status of a building permit application.",
            action: "check the status of permit",
            standalone: "check a permit's status",
            params: ["permit_number: str<case_number> | {} | Permit application number."]
        },
        {
            name: "school_district_lookup",
            description: "Find the school district and assigned schools for an address.",
            action: "look up the school district",
            params: [
                "address: str<address> | for {} | Home address.",
                "grade_level?: enum(elementary,middle,high) | for {} school | Grade level."
            ]
        }
    ]
};
