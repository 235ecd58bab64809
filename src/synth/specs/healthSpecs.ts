import type {DomainSpec} from "../ToolSpec.js";

/** Body metrics, symptoms, medication and appointments. */
export const healthSpecs: DomainSpec = {
    domain: "health",
    namespace: "health",
    tools: [
        {
            name: "calculate_bmi",
            description: "Calculate the body mass index from weight and height.",
            action: "calculate the BMI",
            params: [
                "weight_kg: num(30..200)/1 | for someone weighing {} kg | Body weight in kilograms.",
                "height_cm: num(120..215)/1 | who is {} cm tall | Height in centimeters."
            ]
        },
        {
            name: "daily_calorie_needs",
            description: "Estimate daily calorie needs (TDEE) from body data and activity level.",
            action: "estimate the daily calorie needs",
            params: [
                "age: int[10..110](18..85) | for a {}-year-old | Age in years.",
                "sex: enum(female,male) | {} | Sex used by the formula.",
                "weight_kg: num(30..200)/1 | weighing {} kg | Weight in kilograms.",
                "height_cm: num(120..215)/1 | and {} cm tall | Height in centimeters.",
                "activity_level?=moderate: enum(sedentary,light,moderate,active,very_active) | with a {} activity level | Typical activity level."
            ]
        },
        {
            name: "symptom_checker",
            description: "Suggest possible causes and urgency for a set of symptoms.",
            action: "check the symptoms",
            params: [
                "symptoms: str<symptom>[]{1,4} | {} | Symptoms the patient has.",
                "age: int[0..110](5..90) | for a {}-year-old | Patient age.",
                "duration_days?: int[1..365](1..30) | lasting {} days | How long the symptoms have lasted."
            ]
        },
        {
            name: "drug_interactions",
            description: "Check a list of medications for known interactions.",
            action: "check for interactions between",
            standalone: "check medications for interactions",
            params: ["medications: str<medication>[]{2,5} | {} | Medication names."]
        },
        {
            name: "book_doctor_appointment",
            description: "Book an appointment with a doctor of a given specialty.",
            action: "book an appointment",
            params: [
                "specialty: str<specialty> | in {} | Medical specialty.",
                "patient_name: str<person> | for {} | Patient's full name.",
                "preferred_date: str<date> | on {} | Preferred date, YYYY-MM-DD.",
                "preferred_time?: str<time> | around {} | Preferred time, HH:MM.",
                "telehealth?=false: bool | as a video visit / in person | Whether the visit is remote."
            ]
        },
        {
            name: "heart_rate_zones",
            description: "Compute heart rate training zones from age and resting heart rate.",
            action: "compute my heart rate zones",
            params: [
                "age: int[10..100](18..75) | — I'm {} | Age in years.",
                "resting_hr?: int[30..120](45..85) | with a resting heart rate of {} bpm | Resting heart rate.",
                "method?=karvonen: enum(karvonen,percent_max) | using the {} method | Zone formula."
            ]
        },
        {
            name: "log_medication_dose",
            description: "Record that a dose of a medication was taken.",
            action: "log a dose of",
            standalone: "log a medication dose",
            params: [
                "medication: str<medication> | {} | Medication name.",
                "dose_mg: num(0.5..2000)/1 | , {} mg | Dose in milligrams.",
                "taken_at: str<datetime> | taken at {} | When it was taken, ISO 8601."
            ]
        },
        {
            name: "water_intake_goal",
            description: "Recommend a daily water intake.",
            action: "recommend a daily water intake",
            params: [
                "weight_kg: num(30..200)/1 | for {} kg body weight | Body weight in kilograms.",
                "exercise_minutes?=0: int[0..600](15..180) | with {} minutes of exercise a day | Daily exercise.",
                "hot_climate?=false: bool | in a hot climate / in a mild climate | Whether the climate is hot."
            ]
        },
        {
            name: "sleep_report",
            description: "Summarise sleep data for a date range.",
            action: "summarise my sleep",
            params: [
                "start_date: str<date> | from {} | First night, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last night, YYYY-MM-DD.",
                "metrics?: enum(duration,deep_sleep,rem,awakenings,heart_rate)[] | showing {} | Metrics to include."
            ]
        },
        {
            name: "find_pharmacy",
            description: "Find pharmacies near a location that have a medication in stock.",
            action: "find a pharmacy",
            params: [
                "location: str<city> | in {} | Where to search.",
                "medication?: str<medication> | that has {} in stock | Medication that must be in stock.",
                "open_24h?=false: bool | open 24 hours / with any opening hours | Only pharmacies open around the clock."
            ]
        }
    ]
};
