import type {DomainSpec} from "../ToolSpec.js";

/** Songs, artists, playlists, concerts and music theory. */
export const musicSpecs: DomainSpec = {
    domain: "music",
    namespace: "music",
    tools: [
        {
            name: "search_songs",
            description: "Search the music catalogue for songs by title, artist or genre.",
            action: "search for songs",
            params: [
                "query: str<song> | matching {} | Text to search in titles.",
                "artist?: str<artist> | by {} | Restrict to this artist.",
                "genre?: str<music_genre> | in the {} genre | Restrict to this genre.",
                "limit?=10: int[1..50](3..25) | — show {} results | Number of results."
            ]
        },
        {
            name: "get_lyrics",
            description: "Get the lyrics of a song.",
            action: "get the lyrics",
            params: [
                "title: str<song> | of {} | Song title.",
                "artist: str<artist> | by {} | Performing artist."
            ]
        },
        {
            name: "create_playlist",
            description: "Create a playlist and add songs to it.",
            action: "create a playlist",
            params: [
                "name: str<playlist> | called {} | Playlist name.",
                "songs: str<song>[]{1,10} | with {} | Song titles to add in order.",
                "public?=false: bool | that anyone can see / that only I can see | Whether the playlist is public."
            ]
        },
        {
            name: "play_music",
            description: "Play music on a device by song, artist or playlist.",
            action: "play",
            standalone: "play some music",
            params: [
                "item: str<song> | {} | What to play: a song, artist or playlist name.",
                "device?: str<speaker> | on the {} | Device to play on.",
                "shuffle?=false: bool | on shuffle / in order | Whether to shuffle.",
                "volume?: int[0..100](10..90) | at volume {} | Volume percentage."
            ]
        },
        {
            name: "artist_info",
            description: "Get a biography, genres and top tracks of an artist.",
            action: "tell me about the artist",
            standalone: "get an artist profile",
            params: [
                "artist: str<artist> | {} | Artist or band name.",
                "top_tracks?=5: int[0..20](3..10) | with their top {} tracks | Number of top tracks to include."
            ]
        },
        {
            name: "find_concerts",
            description: "Find upcoming concerts in a city, optionally by artist.",
            action: "find concerts",
            params: [
                "city: str<city> | in {} | City.",
                "from_date: str<date> | from {} | Earliest date, YYYY-MM-DD.",
                "to_date?: str<date> | until {} | Latest date, YYYY-MM-DD.",
                "artist?: str<artist> | by {} | Only this artist."
            ]
        },
        {
            name: "chord_progression",
            description: "Generate a chord progression in a key and style.",
            action: "generate a chord progression",
            params: [
                "key: str<musical_key> | in {} | Musical key.",
                "style?=pop: enum(pop,jazz,blues,folk,rock,classical) | in a {} style | Style of the progression.",
                "bars?=8: int[2..64](4..16) | lasting {} bars | Length in bars."
            ]
        },
        {
            name: "detect_tempo",
            description: "Detect the tempo (BPM) and key of an audio file.",
            action: "detect the tempo of",
            standalone: "detect the tempo of an audio file",
            params: ["file_path: str<audio_file> | {} | Path to the audio file."]
        },
        {
            name: "transpose_notes",
            description: "Transpose a sequence of notes by a number of semitones.",
            action: "transpose the notes",
            params: [
                "notes: enum(C,C#,D,D#,E,F,F#,G,G#,A,A#,B)[]{2,8} | {} | Notes to transpose.",
                "semitones: int[-12..12](-7..7) | by {} semitones | Semitones to shift (negative: down)."
            ]
        },
        {
            name: "metronome",
            description: "Start a metronome at a tempo and time signature.",
            action: "start a metronome",
            params: [
                "bpm: int[20..300](50..200) | at {} BPM | Beats per minute.",
                "time_signature?=4/4: enum(2/4,3/4,4/4,6/8,7/8) | in {} | Time signature.",
                "accent_first_beat?=true: bool | accenting the first beat / without accents | Whether to accent beat one."
            ]
        }
    ]
};
