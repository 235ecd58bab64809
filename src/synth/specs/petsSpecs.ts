import type {DomainSpec} from "../ToolSpec.js";

/** Pet adoption, care and vets. */
export const petsSpecs: DomainSpec = {
    domain: "pets",
    namespace: "pets",
    tools: [
        {
            name: "search_adoptable_pets",
            description: "Search shelters for adoptable pets.",
            action: "find adoptable pets",
            params: [
                "animal: str<animal> | — a {} | Kind of animal.",
                "location: str<city> | near {} | City.",
                "breed?: str<breed> | of the breed {} | Breed.",
                "max_age_years?: int[0..30](1..10) | up to {} years old | Oldest age.",
                "good_with_kids?=false: bool | that is good with kids / regardless of kids | Only pets good with children."
            ]
        },
        {
            name: "book_vet_visit",
            description: "Book a veterinary appointment for a pet.",
            action: "book a vet visit",
            params: [
                "pet_name: str<pet_name> | for {} | Pet's name.",
                "species: str<animal> | (a {}) | Kind of animal.",
                "reason: enum(checkup,vaccination,injury,illness,dental,surgery) | for {} | Reason for the visit.",
                "date: str<date> | on {} | Preferred date, YYYY-MM-DD."
            ]
        },
        {
            name: "pet_food_portion",
            description: "Compute the daily food portion for a pet.",
            action: "work out the daily food portion",
            params: [
                "species: enum(dog,cat) | for a {} | Dog or cat.",
                "weight_kg: num(1..80)/1 | weighing {} kg | Pet weight.",
                "activity?=normal: enum(low,normal,high) | with {} activity | Activity level.",
                "neutered?=true: bool | who is neutered / who is not neutered | Whether the pet is neutered."
            ]
        },
        {
            name: "breed_info",
            description: "Get temperament, size and care needs of a breed.",
            action: "get information about the",
            standalone: "get breed information",
            params: ["breed: str<breed> | {} breed | Breed name."]
        },
        {
            name: "vaccination_schedule",
            description: "Get the recommended vaccination schedule for a pet.",
            action: "get the vaccination schedule",
            params: [
                "species: enum(dog,cat,rabbit,ferret) | for a {} | Species.",
                "birth_date: str<date> | born on {} | Birth date, YYYY-MM-DD."
            ]
        },
        {
            name: "find_pet_sitter",
            description: "Find pet sitters available for a date range.",
            action: "find a pet sitter",
            params: [
                "city: str<city> | in {} | City.",
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "pets: str<animal>[]{1,3} | for my {} | Pets to look after."
            ]
        }
    ]
};
