import type {DomainSpec} from "../ToolSpec.js";

/** Planets, stars, the Moon and the night sky. */
export const astronomySpecs: DomainSpec = {
    domain: "astronomy",
    namespace: "astro",
    tools: [
        {
            name: "planet_info",
            description: "Get physical and orbital data of a planet.",
            action: "get data about",
            standalone: "get planet data",
            params: [
                "planet: str<planet> | {} | Planet name.",
                "include_moons?=false: bool | including its moons / without its moons | Whether to list its moons."
            ]
        },
        {
            name: "moon_phase",
            description: "Get the phase and illumination of the Moon on a date.",
            action: "get the moon phase",
            params: [
                "date: str<date> | on {} | Date, YYYY-MM-DD.",
                "hemisphere?=north: enum(north,south) | for the {}ern hemisphere | Hemisphere of the observer."
            ]
        },
        {
            name: "star_visibility",
            description: "Tell whether a star is above the horizon at a location and time.",
            action: "check whether",
            standalone: "check whether a star is visible",
            params: [
                "star: str<star> | {} is visible | Star name.",
                "latitude: num[-90..90](-60..70)/2 | from latitude {} | Observer latitude.",
                "longitude: num[-180..180](-170..170)/2 | and longitude {} | Observer longitude.",
                "datetime: str<datetime> | at {} | Observation time, ISO 8601."
            ]
        },
        {
            name: "light_travel_time",
            description: "Compute how long light takes to travel a distance.",
            action: "compute the light travel time",
            params: [
                "distance: num(0.01..100000)/3 | for {} | Distance.",
                "unit: enum(km,au,light_years,parsecs) | in {} | Unit of the distance."
            ]
        },
        {
            name: "exoplanet_search",
            description: "Search confirmed exoplanets by size, orbit and host star.",
            action: "search exoplanets",
            params: [
                "max_radius_earth?: num(0.5..20)/1 | smaller than {} Earth radii | Largest radius.",
                "habitable_zone_only?=false: bool | in the habitable zone only / in any orbit | Only planets in the habitable zone.",
                "discovery_method?: enum(transit,radial_velocity,imaging,microlensing) | found by {} | Discovery method.",
                "limit?=20: int[1..500](5..50) | (top {}) | Number of results."
            ]
        },
        {
            name: "iss_passes",
            description: "List the next visible passes of the International Space Station over a location.",
            action: "list the next ISS passes",
            params: [
                "lat: num[-90..90](-60..70)/3 | over latitude {} | Observer latitude.",
                "lon: num[-180..180](-170..170)/3 | , longitude {} | Observer longitude.",
                "passes?=5: int[1..20](2..10) | — the next {} | Number of passes."
            ]
        },
        {
            name: "eclipse_calendar",
            description: "List solar and lunar eclipses in a year.",
            action: "list the eclipses",
            params: [
                "year: int[1900..2100](2024..2040) | in {} | Year.",
                "type?: enum(solar,lunar) | , only {} ones | Eclipse type; both when omitted."
            ]
        },
        {
            name: "constellation_info",
            description: "Get the main stars, mythology and best viewing months of a constellation.",
            action: "tell me about the constellation",
            standalone: "get constellation information",
            params: ["name: str<constellation> | {} | Constellation name."]
        },
        {
            name: "orbital_period",
            description: "Compute the orbital period of a body around a star from its semi-major axis (Kepler's third law).",
            action: "compute the orbital period",
            params: [
                "semi_major_axis_au: num(0.05..100)/3 | for an orbit of {} AU | Semi-major axis in astronomical units.",
                "star_mass_solar?=1: num(0.1..20)/2 | around a star of {} solar masses | Mass of the star."
            ]
        }
    ]
};
