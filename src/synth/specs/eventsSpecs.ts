import type {DomainSpec} from "../ToolSpec.js";

/** Tickets, venues, restaurants and bookings for going out. */
export const eventsSpecs: DomainSpec = {
    domain: "events",
    namespace: "events",
    tools: [
        {
            name: "find_events",
            description: "Find events (concerts, theatre, festivals) in a city.",
            action: "find events",
            params: [
                "city: str<city> | in {} | City.",
                "category?: enum(concert,theatre,festival,comedy,exhibition,sports) | of type {} | Event type.",
                "date_from: str<date> | from {} | Earliest date, YYYY-MM-DD.",
                "date_to: str<date> | to {} | Latest date, YYYY-MM-DD.",
                "free_only?=false: bool | that are free / whether free or paid | Only free events."
            ]
        },
        {
            name: "reserve_table",
            description: "Reserve a table at a restaurant.",
            action: "reserve a table",
            params: [
                "restaurant: str<restaurant> | at {} | Restaurant name.",
                "party_size: int[1..20](2..8) | for {} | Number of diners.",
                "datetime: str<datetime_local> | on {} | Date and time, YYYY-MM-DD HH:MM:SS.",
                "outdoor?=false: bool | outside / inside | Whether to sit outdoors.",
                "special_requests?: str<note> | noting \"{}\" | Requests for the restaurant."
            ]
        },
        {
            name: "search_restaurants",
            description: "Search restaurants by cuisine, price and location.",
            action: "find restaurants",
            params: [
                "location: str<city> | in {} | City or neighbourhood.",
                "cuisine?: str<cuisine> | serving {} food | Cuisine.",
                "price_level?: enum(1,2,3,4) | at price level {} | Price level from 1 (cheap) to 4 (expensive).",
                "open_now?=false: bool | that are open now / at any time | Only restaurants open now.",
                "min_rating?: num[0..5](3..4.8)/1 | rated {} or higher | Lowest rating."
            ]
        },
        {
            name: "rsvp_event",
            description: "Reply to an event invitation.",
            action: "RSVP to event",
            standalone: "reply to an invitation",
            params: [
                "event_id: str<record_id> | {} | Event identifier.",
                "response: enum(yes,no,maybe) | with {} | Reply.",
                "guests?=0: int[0..10](1..4) | bringing {} guests | Extra guests."
            ]
        },
        {
            name: "venue_capacity",
            description: "Get the capacity and seating plan of a venue.",
            action: "get the capacity of",
            standalone: "get a venue's capacity",
            params: [
                "venue: str<facility> | {} | Venue name.",
                "layout?=standing: enum(standing,seated,banquet,theatre) | for a {} layout | Layout."
            ]
        },
        {
            name: "sell_tickets",
            description: "List tickets for resale.",
            action: "list tickets for resale",
            params: [
                "event_id: str<record_id> | for event {} | Event identifier.",
                "quantity: int[1..10](1..4) | — {} tickets | Number of tickets.",
                "price_each: num(5..800)/2 | at {} each | Asking price per ticket.",
                "seat_numbers?: str<seat>[]{1,4} | in seats {} | Seat labels."
            ]
        },
        {
            name: "plan_party",
            description: "Draft a party plan with food and drink quantities for a number of guests.",
            action: "plan a party",
            params: [
                "guests: int[2..500](6..60) | for {} guests | Number of guests.",
                "duration_hours: num(1..12)/1 | lasting {} hours | Length of the party.",
                "theme?: str<event_name> | with the theme {} | Party theme.",
                "dietary_needs?: str<diet>[]{1,3} | accommodating {} guests | Diets to cater for."
            ]
        }
    ]
};
