import type {DomainSpec} from "../ToolSpec.js";

/** Weather, climate and air quality tools. */
export const weatherSpecs: DomainSpec = {
    domain: "weather",
    namespace: "weather",
    tools: [
        {
            name: "get_current_weather",
            description: "Get the current weather conditions (temperature, wind, humidity) for a city.",
            action: "get the current weather",
            params: [
                "city: str<city> | in {} | Name of the city, e.g. Lisbon.",
                "units?=metric: enum(metric,imperial,kelvin) | in {} units | Unit system for temperature and wind speed.",
                "include_wind?=true: bool | including wind details / without wind details | Whether to include wind speed and direction."
            ]
        },
        {
            name: "get_weather_forecast",
            description: "Get the daily weather forecast for a city for the coming days.",
            action: "get the weather forecast",
            params: [
                "location: str<city> | for {} | City to forecast, e.g. Osaka.",
                "days?=3: int[1..14] | for the next {} days | Number of days to forecast, from 1 to 14.",
                "units?=celsius: enum(celsius,fahrenheit) | with temperatures in {} | Temperature unit."
            ]
        },
        {
            name: "get_hourly_forecast",
            description: "Get an hour-by-hour forecast for geographic coordinates.",
            action: "get the hourly forecast",
            params: [
                "latitude: num[-90..90](-60..70)/4 | for latitude {} | Latitude in decimal degrees.",
                "longitude: num[-180..180](-170..170)/4 | and longitude {} | Longitude in decimal degrees.",
                "hours?=24: int[1..72] | covering the next {} hours | How many hours ahead to forecast."
            ]
        },
        {
            name: "get_air_quality",
            description: "Get the air quality index and main pollutant levels for a city.",
            action: "check the air quality",
            params: [
                "city: str<city> | in {} | City name.",
                "pollutant?: enum(pm25,pm10,o3,no2,so2,co) | focusing on {} | Report only this pollutant; all pollutants when omitted."
            ]
        },
        {
            name: "get_historical_weather",
            description: "Get the recorded weather for a city on a past date.",
            action: "look up the historical weather",
            params: [
                "city: str<city> | in {} | City name.",
                "date: str<date> | on {} | Date in YYYY-MM-DD format."
            ]
        },
        {
            name: "get_uv_index",
            description: "Get the current UV index and sun protection advice for a location.",
            action: "get the UV index",
            params: [
                "location: str<city> | for {} | City or town.",
                "skin_type?: enum(I,II,III,IV,V,VI) | for skin type {} | Fitzpatrick skin type used for the burn-time estimate."
            ]
        },
        {
            name: "get_sunrise_sunset",
            description: "Get sunrise and sunset times for a city on a given date.",
            action: "get the sunrise and sunset times",
            params: [
                "city: str<city> | in {} | City name.",
                "date: str<date> | on {} | Date in YYYY-MM-DD format.",
                "timezone?: str<timezone> | in the {} time zone | IANA time zone for the returned times; local time when omitted."
            ]
        },
        {
            name: "get_severe_weather_alerts",
            description: "List active severe weather alerts (storms, floods, heat) for a country or region.",
            action: "list the active severe weather alerts",
            params: [
                "country: str<country> | for {} | Country name.",
                "severity?=moderate: enum(minor,moderate,severe,extreme) | of at least {} severity | Lowest severity to include."
            ]
        },
        {
            name: "get_climate_normals",
            description: "Get long-term average temperature and rainfall for a city and month.",
            action: "get the climate averages",
            params: [
                "city: str<city> | for {} | City name.",
                "month: enum(January,February,March,April,May,June,July,August,September,October,November,December) | in {} | Month of the year."
            ]
        },
        {
            name: "get_marine_forecast",
            description: "Get wave height, swell and water temperature forecasts for a coastal spot.",
            action: "get the marine forecast",
            params: [
                "spot: str<beach> | for {} | Name of the beach or coastal spot, e.g. Praia do Guincho.",
                "days?=2: int[1..7] | for the next {} days | Days to forecast.",
                "include_tides?=false: bool | with tide times / without tide times | Whether to add high and low tide times."
            ]
        }
    ]
};
