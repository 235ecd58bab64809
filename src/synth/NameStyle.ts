/**
 * How a generated tool variant spells its names: `snake` (`get_forecast`, parameters as
 * written), `dotted` (`weather.get_forecast`, Python-module style) or `camel` (`getForecast`,
 * camelCase parameters too).
 */
export type NameStyle = "snake" | "dotted" | "camel";
