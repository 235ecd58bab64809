import type {DomainSpec} from "../ToolSpec.js";

/** Emissions, energy, farming and the environment. */
export const environmentSpecs: DomainSpec = {
    domain: "environment",
    namespace: "eco",
    tools: [
        {
            name: "carbon_footprint_travel",
            description: "Estimate the CO2 emissions of a trip by mode of transport.",
            action: "estimate the CO2 emissions",
            params: [
                "distance_km: num(1..20000)/1 | of a {} km trip | Distance travelled.",
                "mode: enum(car,bus,train,plane,ferry,motorbike) | by {} | Mode of transport.",
                "passengers?=1: int[1..100](1..5) | shared by {} passengers | Travellers sharing the vehicle."
            ]
        },
        {
            name: "solar_potential",
            description: "Estimate yearly electricity production of rooftop solar panels.",
            action: "estimate the solar output",
            params: [
                "latitude: num[-90..90](-50..60)/2 | at latitude {} | Site latitude.",
                "panel_area_m2: num(2..300)/1 | for {} square meters of panels | Panel area.",
                "tilt_degrees?=30: int[0..90](10..45) | tilted at {} degrees | Panel tilt.",
                "efficiency?=0.2: num[0..1](0.15..0.23)/2 | with {} efficiency | Panel efficiency as a fraction."
            ]
        },
        {
            name: "recycling_guide",
            description: "Tell which bin an item goes in for a city's recycling rules.",
            action: "tell me how to dispose of",
            standalone: "check recycling rules",
            params: [
                "item: str<waste_item> | {} | Item to throw away.",
                "city: str<city> | in {} | City whose rules apply."
            ]
        },
        {
            name: "crop_yield_estimate",
            description: "Estimate a crop's yield for a field.",
            action: "estimate the yield",
            params: [
                "crop: enum(wheat,maize,rice,soybean,potato,barley) | of {} | Crop.",
                "area_hectares: num(0.5..2000)/1 | on {} hectares | Field area.",
                "irrigated?=false: bool | with irrigation / without irrigation | Whether the field is irrigated.",
                "region?: str<country> | in {} | Growing region."
            ]
        },
        {
            name: "soil_analysis",
            description: "Interpret a soil test and recommend fertiliser.",
            action: "interpret a soil test",
            params: [
                "ph: num[0..14](4.5..8.5)/1 | with pH {} | Soil pH.",
                "nitrogen_ppm: num(1..100)/1 | , nitrogen {} ppm | Nitrogen content.",
                "phosphorus_ppm: num(1..80)/1 | , phosphorus {} ppm | Phosphorus content.",
                "potassium_ppm: num(20..400)/1 | and potassium {} ppm | Potassium content.",
                "crop?: str<plant> | for {} | Crop to be grown."
            ]
        },
        {
            name: "species_sightings",
            description: "List recent wildlife sightings of a species near a location.",
            action: "list recent sightings of",
            standalone: "list wildlife sightings",
            params: [
                "species: str<species> | {} | Species common name.",
                "near: str<city> | near {} | Location.",
                "days?=30: int[1..365](7..90) | in the last {} days | Time window."
            ]
        },
        {
            name: "water_usage_estimate",
            description: "Estimate household water use per month.",
            action: "estimate our water use",
            params: [
                "household_size: int[1..15](1..6) | for {} people | People in the household.",
                "garden_m2?=0: num(5..2000)/1 | with a {} m2 garden | Garden area to water.",
                "has_dishwasher?=true: bool | with a dishwasher / without a dishwasher | Whether there is a dishwasher."
            ]
        },
        {
            name: "wildfire_risk",
            description: "Get the current wildfire danger rating for a region.",
            action: "check the wildfire risk",
            params: [
                "region: str<state> | in {} | Region or state.",
                "date?: str<date> | on {} | Date, YYYY-MM-DD; today when omitted."
            ]
        }
    ]
};
