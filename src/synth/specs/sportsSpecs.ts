import type {DomainSpec} from "../ToolSpec.js";

/** Matches, standings, players and tickets. */
export const sportsSpecs: DomainSpec = {
    domain: "sports",
    namespace: "sports",
    tools: [
        {
            name: "get_match_results",
            description: "Get the results of a team's recent matches.",
            action: "get the recent results",
            params: [
                "team: str<team> | of {} | Team name.",
                "last_n?=5: int[1..20](2..10) | for the last {} matches | Number of matches.",
                "competition?: str<league> | in the {} | Only matches of this competition."
            ]
        },
        {
            name: "league_standings",
            description: "Get the standings table of a league for a season.",
            action: "show the standings",
            params: [
                "league: str<league> | of the {} | League name.",
                "season: int[1950..2031](2015..2030) | for the {} season | Season start year."
            ]
        },
        {
            name: "player_stats",
            description: "Get season statistics for a player.",
            action: "get the season stats",
            params: [
                "player_name: str<athlete> | for {} | Player's full name.",
                "season?: int[1950..2031](2015..2030) | in {} | Season start year; the current season when omitted.",
                "sport: str<sport> | in {} | The sport."
            ]
        },
        {
            name: "upcoming_fixtures",
            description: "List a team's upcoming fixtures.",
            action: "list the upcoming games",
            params: [
                "team: str<team> | of {} | Team name.",
                "days_ahead?=14: int[1..120](7..60) | for the next {} days | How far ahead to look.",
                "home_only?=false: bool | at home only / both home and away | Only home games."
            ]
        },
        {
            name: "buy_tickets",
            description: "Buy tickets for a sports event.",
            action: "buy tickets",
            params: [
                "event_id: str<record_id> | for event {} | Event identifier.",
                "quantity: int[1..10](1..6) | — {} of them | Number of tickets.",
                "section?: enum(lower_bowl,upper_bowl,courtside,family,standing) | in the {} section | Seating section.",
                "max_price_each?: num(10..500)/2 | at most {} each | Highest price per ticket."
            ]
        },
        {
            name: "head_to_head",
            description: "Compare the historical record between two teams.",
            action: "compare the head-to-head record",
            params: [
                "team_a: str<team> | between {} | First team.",
                "team_b: str<team> | and {} | Second team.",
                "since_year?: int[1900..2031](1990..2020) | since {} | Only matches since this year."
            ]
        },
        {
            name: "log_workout",
            description: "Log a workout session with duration and effort.",
            action: "log a workout:",
            standalone: "log a workout",
            params: [
                "activity: str<exercise> | {} | Type of activity.",
                "duration_minutes: int[1..600](10..150) | for {} minutes | Duration.",
                "distance_km?: num(0.5..100)/2 | covering {} km | Distance covered.",
                "perceived_effort?: int[1..10](3..10) | at effort {} out of 10 | Rating of perceived exertion."
            ]
        },
        {
            name: "race_pace",
            description: "Compute the pace needed to finish a race distance in a target time.",
            action: "compute the pace I need",
            params: [
                "distance_km: num(1..100)/3 | for a {} km race | Race distance in kilometers.",
                "target_time: str<duration_hms> | to finish in {} | Target time as HH:MM:SS."
            ]
        }
    ]
};
