import type {DomainSpec} from "../ToolSpec.js";

/** Geocoding, routes, places and distances. */
export const mapsSpecs: DomainSpec = {
    domain: "maps",
    namespace: "maps",
    tools: [
        {
            name: "geocode_address",
            description: "Convert a street address into latitude and longitude.",
            action: "geocode",
            standalone: "geocode an address",
            params: [
                "address: str<address> | the address {} | Full street address.",
                "country_code?: str<country_code> | restricted to {} | ISO 3166 country code to narrow the search."
            ]
        },
        {
            name: "reverse_geocode",
            description: "Find the nearest address for a pair of coordinates.",
            action: "find the address at",
            standalone: "reverse geocode coordinates",
            params: [
                "lat: num[-90..90](-60..70)/5 | latitude {} | Latitude in decimal degrees.",
                "lon: num[-180..180](-170..170)/5 | , longitude {} | Longitude in decimal degrees.",
                "language?=en: str<lang_code> | with results in {} | Language code for the address."
            ]
        },
        {
            name: "get_directions",
            description: "Get turn-by-turn directions between two places.",
            action: "get directions",
            params: [
                "origin: str<address> | from {} | Starting address or place.",
                "destination: str<address> | to {} | Destination address or place.",
                "mode?=driving: enum(driving,walking,cycling,transit) | by {} | Travel mode.",
                "waypoints?: str<city>[]{1,4} | via {} | Places to pass through, in order.",
                "avoid_tolls?=false: bool | avoiding tolls / allowing toll roads | Whether to avoid toll roads."
            ]
        },
        {
            name: "nearby_places",
            description: "Find places of a category near a location.",
            action: "find",
            standalone: "find nearby places",
            params: [
                "category: enum(restaurant,cafe,pharmacy,hospital,atm,gas_station,supermarket,park,museum,parking) | {} places | Kind of place.",
                "location: str<city> | near {} | City or address to search around.",
                "radius_m?=1000: int[100..50000](200..5000) | within {} meters | Search radius in meters.",
                "open_now?=false: bool | that are open now / regardless of opening hours | Only places open at the moment."
            ]
        },
        {
            name: "distance_matrix",
            description: "Compute travel distances and times between several origins and destinations.",
            action: "compute travel times",
            params: [
                "origins: str<city>[]{1,4} | from {} | Starting points.",
                "destinations: str<city>[]{1,4} | to {} | End points.",
                "units?=metric: enum(metric,imperial) | in {} units | Distance units."
            ]
        },
        {
            name: "get_elevation",
            description: "Get the ground elevation at a coordinate.",
            action: "get the elevation at",
            standalone: "get the elevation of a point",
            params: [
                "latitude: num[-90..90](-60..70)/4 | latitude {} | Latitude in decimal degrees.",
                "longitude: num[-180..180](-170..170)/4 | and longitude {} | Longitude in decimal degrees."
            ]
        },
        {
            name: "place_details",
            description: "Get opening hours, rating and contact details of a place by its place ID.",
            action: "get the details of place",
            standalone: "get place details",
            params: [
                "place_id: str<place_id> | {} | Place identifier from a previous search.",
                "fields?: enum(opening_hours,rating,phone,website,reviews,photos)[] | — just {} | Fields to return; all when omitted."
            ]
        },
        {
            name: "isochrone",
            description: "Compute the area reachable from a point within a travel time.",
            action: "show the area reachable",
            params: [
                "origin: str<address> | from {} | Starting address.",
                "minutes: int[1..120](5..60) | within {} minutes | Travel time budget.",
                "mode?=walking: enum(driving,walking,cycling) | by {} | Travel mode."
            ]
        },
        {
            name: "timezone_at",
            description: "Get the time zone and UTC offset at a coordinate.",
            action: "get the time zone at",
            standalone: "get the time zone of a location",
            params: [
                "lat: num[-90..90](-60..70)/3 | latitude {} | Latitude.",
                "lng: num[-180..180](-170..170)/3 | and longitude {} | Longitude."
            ]
        }
    ]
};
