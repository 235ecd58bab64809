import type {DomainSpec} from "../ToolSpec.js";

/** Courses, grades, quizzes and libraries. */
export const educationSpecs: DomainSpec = {
    domain: "education",
    namespace: "edu",
    tools: [
        {
            name: "search_courses",
            description: "Search the course catalogue by subject and level.",
            action: "search for courses",
            params: [
                "subject: str<subject> | in {} | Subject area.",
                "level?: enum(beginner,intermediate,advanced) | at {} level | Course level.",
                "online_only?=false: bool | offered online / online or on campus | Only online courses.",
                "max_weeks?: int[1..52](4..16) | lasting at most {} weeks | Longest course duration."
            ]
        },
        {
            name: "enroll_student",
            description: "Enroll a student in a course section.",
            action: "enroll",
            standalone: "enroll a student in a course",
            params: [
                "student_id: str<student_id> | student {} | Student identifier.",
                "course_code: str<course_code> | in {} | Course code.",
                "term: enum(fall,spring,summer,winter) | for the {} term | Academic term.",
                "audit?=false: bool | as an auditor / for credit | Whether the student audits without credit."
            ]
        },
        {
            name: "weighted_grade",
            description: "Compute a final grade from weighted assessment scores.",
            action: "compute the final grade",
            params: [
                {param: "assessments: obj[]{2,5} | from {} | Scores and their weights.", fields: [
                    "name: enum(homework,quiz,midterm,final,project,lab) | {} | Assessment.",
                    "score: num(40..100)/1 | score {} | Score out of 100.",
                    "weight: num(0.05..0.6)/2 | weight {} | Weight as a fraction."
                ]}
            ]
        },
        {
            name: "calculate_gpa",
            description: "Compute a grade point average from letter grades and credits.",
            action: "calculate the GPA",
            params: [
                {param: "courses: obj[]{2,6} | for {} | Courses with grade and credits.", fields: [
                    "grade: enum(A,A-,B+,B,B-,C+,C,D,F) | {} | Letter grade.",
                    "credits: int(1..6) | {} credits | Credit hours."
                ]},
                "scale?=4.0: enum(4.0,5.0) | on a {} scale | GPA scale."
            ]
        },
        {
            name: "generate_quiz",
            description: "Generate a multiple-choice quiz on a topic.",
            action: "make a quiz",
            params: [
                "topic: str<topic> | about {} | Quiz topic.",
                "questions?=10: int[1..50](5..20) | with {} questions | Number of questions.",
                "difficulty?=medium: enum(easy,medium,hard) | at {} difficulty | Difficulty."
            ]
        },
        {
            name: "reserve_library_book",
            description: "Reserve a library book by ISBN for pickup at a branch.",
            action: "reserve the book with ISBN",
            standalone: "reserve a library book",
            params: [
                "isbn: str<isbn> | {} | Book ISBN.",
                "branch: str<facility> | for pickup at {} | Library branch.",
                "card_number: str<account_number> | on library card {} | Library card number."
            ]
        },
        {
            name: "exam_schedule",
            description: "Get the exam schedule of a course.",
            action: "get the exam schedule",
            params: [
                "course_code: str<course_code> | for {} | Course code.",
                "term?: enum(fall,spring,summer,winter) | in the {} term | Academic term; the current one when omitted."
            ]
        },
        {
            name: "create_flashcards",
            description: "Create a flashcard deck from term-definition pairs.",
            action: "create a flashcard deck",
            params: [
                "deck_name: str<course> | called \"{}\" | Deck name.",
                {param: "cards: obj[]{2,5} | with the cards {} | Cards to add.", fields: [
                    "front: str<word> | {} | Term on the front.",
                    "back: str<phrase> | = {} | Definition on the back."
                ]}
            ]
        },
        {
            name: "find_tutor",
            description: "Find tutors for a subject with availability and price filters.",
            action: "find a tutor",
            params: [
                "subject: str<subject> | for {} | Subject.",
                "max_hourly_rate?: num(10..150)/2 | charging at most {} per hour | Highest hourly rate.",
                "online?=true: bool | who teaches online / who teaches in person | Online sessions."
            ]
        }
    ]
};
