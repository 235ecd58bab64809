import type {DomainSpec} from "../ToolSpec.js";

/** Films, series, cinemas and streaming. */
export const moviesSpecs: DomainSpec = {
    domain: "movies",
    namespace: "movies",
    tools: [
        {
            name: "get_movie_info",
            description: "Get the plot, cast, runtime and ratings of a movie.",
            action: "get the details of the movie",
            standalone: "get movie details",
            params: [
                "title: str<movie> | {} | Movie title.",
                "year?: int[1900..2031](1980..2030) | from {} | Release year, to tell remakes apart."
            ]
        },
        {
            name: "cinema_showtimes",
            description: "List showtimes of a movie at cinemas in a city on a date.",
            action: "find showtimes",
            params: [
                "movie: str<movie> | for {} | Movie title.",
                "city: str<city> | in {} | City.",
                "date: str<date> | on {} | Date, YYYY-MM-DD.",
                "format?: enum(2D,3D,IMAX,4DX) | in {} | Screening format."
            ]
        },
        {
            name: "book_movie_tickets",
            description: "Book cinema seats for a showtime.",
            action: "book",
            standalone: "book cinema tickets",
            params: [
                "showtime_id: str<record_id> | for showtime {} | Showtime identifier.",
                "seats: str<seat>[]{1,6} | seats {} | Seat labels such as F7.",
                "email: str<email> | and send the tickets to {} | Where to e-mail the tickets."
            ]
        },
        {
            name: "recommend_movies",
            description: "Recommend movies by genre and minimum rating.",
            action: "recommend some movies",
            params: [
                "genre: str<movie_genre> | in the {} genre | Genre.",
                "min_rating?: num[0..10](5..9)/1 | rated at least {} | Lowest average rating out of 10.",
                "released_after?: int[1900..2031](1970..2025) | released after {} | Earliest release year.",
                "count?=5: int[1..20](3..10) | — {} of them | Number of recommendations."
            ]
        },
        {
            name: "where_to_stream",
            description: "Find which streaming services offer a title in a country.",
            action: "find where I can stream",
            standalone: "find where a title is streaming",
            params: [
                "title: str<movie> | {} | Movie or show title.",
                "country: str<country_code> | in {} | ISO country code of the viewer."
            ]
        },
        {
            name: "tv_episode_guide",
            description: "List the episodes of a TV show season.",
            action: "list the episodes",
            params: [
                "show: str<tv_show> | of {} | TV show title.",
                "season: int[1..50](1..8) | in season {} | Season number.",
                "include_summaries?=false: bool | with summaries / without summaries | Whether to include plot summaries."
            ]
        },
        {
            name: "add_to_watchlist",
            description: "Add titles to the user's watchlist.",
            action: "add",
            standalone: "add titles to my watchlist",
            params: [
                "titles: str<movie>[]{1,5} | {} to my watchlist | Titles to add.",
                "priority?=normal: enum(low,normal,high) | with {} priority | Watch priority."
            ]
        },
        {
            name: "box_office",
            description: "Get weekend box office figures for a country.",
            action: "get the weekend box office",
            params: [
                "country: str<country_code> | for {} | ISO country code.",
                "weekend_of: str<date> | for the weekend of {} | A date in the weekend, YYYY-MM-DD.",
                "top?=10: int[1..50](3..20) | — the top {} | Number of films."
            ]
        }
    ]
};
