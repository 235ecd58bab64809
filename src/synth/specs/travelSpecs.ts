import type {DomainSpec} from "../ToolSpec.js";

/** Flights, hotels, trains, car rental and trip planning. */
export const travelSpecs: DomainSpec = {
    domain: "travel",
    namespace: "travel",
    tools: [
        {
            name: "search_flights",
            description: "Search one-way or return flights between two airports.",
            action: "search for flights",
            params: [
                "origin: str<airport> | from {} | IATA code of the departure airport.",
                "destination: str<airport> | to {} | IATA code of the arrival airport.",
                "departure_date: str<date> | leaving on {} | Departure date, YYYY-MM-DD.",
                "return_date?: str<date> | returning on {} | Return date for a round trip, YYYY-MM-DD.",
                "passengers?=1: int[1..9](1..6) | for {} passengers | Number of travellers.",
                "cabin?=economy: enum(economy,premium_economy,business,first) | in {} class | Cabin class.",
                "nonstop_only?=false: bool | with nonstop flights only / allowing connections | Whether to exclude flights with stops."
            ]
        },
        {
            name: "get_flight_status",
            description: "Get the live status (on time, delayed, gate) of a flight.",
            action: "check the status of flight",
            standalone: "check a flight's status",
            params: [
                "flight_number: str<flight_number> | {} | Flight number, e.g. AA123.",
                "date?: str<date> | on {} | Date of departure, YYYY-MM-DD; today when omitted."
            ]
        },
        {
            name: "book_hotel",
            description: "Book a hotel room for given dates.",
            action: "book a room",
            params: [
                "hotel_name: str<hotel> | at {} | Name of the hotel.",
                "city: str<city> | in {} | City of the hotel.",
                "check_in: str<date> | checking in on {} | Check-in date, YYYY-MM-DD.",
                "check_out: str<date> | and checking out on {} | Check-out date, YYYY-MM-DD.",
                "room_type?=double: str<room_type> | ({} room) | Room type.",
                "guests?=2: int[1..8](1..4) | for {} guests | Number of guests."
            ]
        },
        {
            name: "search_hotels",
            description: "Search available hotels in a city with optional price and rating filters.",
            action: "find hotels",
            params: [
                "city: str<city> | in {} | City to search.",
                "check_in: str<date> | from {} | Check-in date, YYYY-MM-DD.",
                "nights: int[1..60](1..14) | for {} nights | Length of stay.",
                "max_price_per_night?: num(40..900)/2 | under {} a night | Highest nightly price.",
                "min_stars?: int[1..5](2..5) | with at least {} stars | Lowest star rating.",
                "amenities?: enum(wifi,pool,parking,gym,spa,breakfast,pet_friendly)[] | with {} | Amenities the hotel must have."
            ]
        },
        {
            name: "train_schedule",
            description: "Get train departures between two stations on a date.",
            action: "look up trains",
            params: [
                "from_station: str<city> | from {} | Departure station or city.",
                "to_station: str<city> | to {} | Arrival station or city.",
                "date: str<date> | on {} | Travel date, YYYY-MM-DD.",
                "depart_after?: str<time> | leaving after {} | Earliest departure time, HH:MM.",
                "first_class?=false: bool | in first class / in second class | Whether to show first-class fares."
            ]
        },
        {
            name: "rent_car",
            description: "Reserve a rental car at a pick-up location.",
            action: "reserve a rental car",
            params: [
                "pickup_location: str<airport> | at {} | IATA code of the pick-up airport.",
                "pickup_datetime: str<datetime> | from {} | Pick-up time, ISO 8601.",
                "dropoff_datetime: str<datetime> | until {} | Drop-off time, ISO 8601.",
                "car_class?=compact: enum(economy,compact,midsize,suv,van,luxury) | in the {} class | Vehicle class.",
                "driver_age?: int[18..99](21..75) | for a {}-year-old driver | Age of the main driver."
            ]
        },
        {
            name: "visa_requirements",
            description: "Check whether a traveller needs a visa for a destination country.",
            action: "check the visa requirements",
            params: [
                "nationality: str<country> | for a citizen of {} | Traveller's citizenship.",
                "destination: str<country> | travelling to {} | Destination country.",
                "purpose?=tourism: enum(tourism,business,study,transit) | for {} | Purpose of the trip.",
                "stay_days?: int[1..365](3..90) | staying {} days | Planned length of stay."
            ]
        },
        {
            name: "airport_info",
            description: "Get the name, city, terminals and time zone of an airport.",
            action: "get information about airport",
            standalone: "get airport information",
            params: ["code: str<airport> | {} | IATA airport code."]
        },
        {
            name: "plan_itinerary",
            description: "Build a day-by-day itinerary for a multi-city trip.",
            action: "plan an itinerary",
            params: [
                {param: "stops: obj[]{2,5} | visiting {} | The cities in visiting order with the nights spent in each.", fields: [
                    "city: str<city> | {} | City to visit.",
                    "nights: int(1..7) | for {} nights | Nights spent there."
                ]},
                "start_date: str<date> | starting on {} | First day of the trip, YYYY-MM-DD.",
                "pace?=moderate: enum(relaxed,moderate,packed) | at a {} pace | How full each day should be.",
                "interests?: enum(food,history,art,nature,nightlife,shopping,architecture)[] | focusing on {} | Interests to prioritise."
            ]
        },
        {
            name: "baggage_allowance",
            description: "Get the checked and cabin baggage allowance of an airline for a fare class.",
            action: "check the baggage allowance",
            params: [
                "airline: str<airline> | on {} | Airline name.",
                "fare_class: enum(basic,standard,flex,business) | for a {} fare | Fare class.",
                "international?=true: bool | on an international flight / on a domestic flight | Whether the flight is international."
            ]
        },
        {
            name: "travel_advisory",
            description: "Get the current government travel advisory level for a country.",
            action: "get the travel advisory",
            params: ["country: str<country> | for {} | Destination country."]
        }
    ]
};
