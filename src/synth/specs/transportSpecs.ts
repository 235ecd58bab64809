import type {DomainSpec} from "../ToolSpec.js";

/** Public transport, cars, fuel, parking and rides. */
export const transportSpecs: DomainSpec = {
    domain: "transport",
    namespace: "transit",
    tools: [
        {
            name: "next_departures",
            description: "List the next public transport departures from a stop.",
            action: "list the next departures",
            params: [
                "stop_name: str<transit_stop> | from {} | Name of the stop or station.",
                "line?: str<transit_line> | on line {} | Only this line.",
                "limit?=5: int[1..20](2..10) | — show {} of them | Number of departures."
            ]
        },
        {
            name: "plan_transit_trip",
            description: "Plan a public transport journey between two places.",
            action: "plan a public transport trip",
            params: [
                "from_place: str<transit_stop> | from {} | Start stop or address.",
                "to_place: str<transit_stop> | to {} | Destination stop or address.",
                "arrive_by?: str<time> | arriving by {} | Latest arrival time, HH:MM.",
                "max_transfers?: int[0..5](0..3) | with at most {} transfers | Maximum number of changes.",
                "wheelchair_accessible?=false: bool | using step-free routes only / with any route | Only step-free routes."
            ]
        },
        {
            name: "fuel_cost",
            description: "Estimate the fuel cost of a car trip.",
            action: "estimate the fuel cost",
            params: [
                "distance_km: num(5..3000)/1 | for a {} km trip | Trip distance in kilometers.",
                "consumption_l_per_100km: num(3..20)/1 | in a car using {} L/100km | Fuel consumption.",
                "price_per_liter: num(0.8..3)/2 | with fuel at {} per liter | Fuel price."
            ]
        },
        {
            name: "find_ev_chargers",
            description: "Find electric vehicle charging stations near a location.",
            action: "find EV charging stations",
            params: [
                "location: str<city> | near {} | City or address.",
                "connector?: enum(CCS,CHAdeMO,Type2,Tesla) | with {} connectors | Connector type.",
                "min_power_kw?: int(11..350) | of at least {} kW | Lowest charging power."
            ]
        },
        {
            name: "book_parking",
            description: "Reserve a parking space at a garage.",
            action: "reserve parking",
            params: [
                "garage: str<facility> | at {} | Name of the garage or venue.",
                "start: str<datetime> | from {} | Start time, ISO 8601.",
                "hours: int[1..72](1..12) | for {} hours | Duration in hours.",
                "license_plate: str<license_plate> | for plate {} | Car license plate."
            ]
        },
        {
            name: "request_ride",
            description: "Request a ride-hailing car between two addresses.",
            action: "order a ride",
            params: [
                "pickup: str<address> | from {} | Pick-up address.",
                "dropoff: str<address> | to {} | Drop-off address.",
                "ride_type?=standard: enum(standard,xl,comfort,shared) | — a {} ride | Type of ride.",
                "scheduled_time?: str<datetime> | at {} | Pick-up time, ISO 8601; now when omitted."
            ]
        },
        {
            name: "vehicle_recalls",
            description: "Check open safety recalls for a vehicle by VIN.",
            action: "check for recalls on VIN",
            standalone: "check a vehicle for recalls",
            params: ["vin: str<vin> | {} | 17-character vehicle identification number."]
        },
        {
            name: "car_maintenance_schedule",
            description: "Get the recommended maintenance schedule for a car.",
            action: "get the maintenance schedule",
            params: [
                "make: str<vehicle_make> | for a {} | Car manufacturer.",
                "model: str<vehicle_model> | {} | Car model.",
                "year: int[1980..2031](2005..2030) | from {} | Model year.",
                "mileage?: int(1000..250000) | with {} miles on it | Current odometer reading."
            ]
        }
    ]
};
