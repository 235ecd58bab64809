import type {DomainSpec} from "../ToolSpec.js";

/** Dice, cards, trivia, puzzles and video games. */
export const gamesSpecs: DomainSpec = {
    domain: "games",
    namespace: "games",
    tools: [
        {
            name: "roll_dice",
            description: "Roll dice and return each result and the total.",
            action: "roll",
            standalone: "roll dice",
            params: [
                "count: int[1..100](1..10) | {} | Number of dice.",
                "sides?=6: enum(4,6,8,10,12,20,100) | {}-sided dice | Sides per die.",
                "modifier?=0: int[-20..20](-5..10) | adding {} to the total | Added to the total."
            ]
        },
        {
            name: "trivia_question",
            description: "Get trivia questions on a category.",
            action: "give me trivia questions",
            params: [
                "category: str<subject> | about {} | Category.",
                "difficulty?=medium: enum(easy,medium,hard) | at {} difficulty | Difficulty.",
                "amount?=5: int[1..50](1..10) | — {} of them | Number of questions."
            ]
        },
        {
            name: "game_stats",
            description: "Get a player's statistics in an online game.",
            action: "get the stats of player",
            standalone: "get a player's game stats",
            params: [
                "gamertag: str<username> | {} | Player name.",
                "game: str<video_game> | in {} | Game title.",
                "season?: int[1..50](1..12) | for season {} | Season number."
            ]
        },
        {
            name: "solve_sudoku",
            description: "Solve a 9x9 sudoku given as 81 digits (0 for empty cells).",
            action: "solve the sudoku",
            params: ["grid: str<sudoku> | {} | 81 digits, row by row, 0 for empty cells."]
        },
        {
            name: "shuffle_deck",
            description: "Shuffle a deck of playing cards and deal hands.",
            action: "shuffle a deck and deal",
            standalone: "deal cards",
            params: [
                "players: int[1..10](2..6) | to {} players | Number of players.",
                "cards_each: int[1..26](2..13) | , {} cards each | Cards per player.",
                "include_jokers?=false: bool | with jokers / without jokers | Whether jokers are in the deck."
            ]
        },
        {
            name: "chess_best_move",
            description: "Suggest the best move for a chess position given in FEN.",
            action: "suggest the best move for the position",
            standalone: "suggest a chess move",
            params: [
                "fen: str<fen> | {} | Position in Forsyth-Edwards Notation.",
                "depth?=18: int[1..40](8..30) | searching {} plies deep | Search depth."
            ]
        },
        {
            name: "game_deals",
            description: "Find current discounts on video games.",
            action: "find game deals",
            params: [
                "title?: str<video_game> | for {} | Game title; all games when omitted.",
                "platform?: enum(pc,playstation,xbox,switch) | on {} | Platform.",
                "max_price?: num(1..80)/2 | under {} | Highest price."
            ]
        },
        {
            name: "lottery_numbers",
            description: "Check lottery results for a draw date.",
            action: "check the lottery results",
            params: [
                "lottery: enum(powerball,euromillions,mega_millions,lotto_6_49) | of {} | Lottery.",
                "draw_date: str<date> | for the draw on {} | Draw date, YYYY-MM-DD."
            ]
        }
    ]
};
