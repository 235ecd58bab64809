import type {DomainSpec} from "../ToolSpec.js";

/** Recipes, nutrition, meal plans and kitchen conversions. */
export const cookingSpecs: DomainSpec = {
    domain: "cooking",
    namespace: "kitchen",
    tools: [
        {
            name: "find_recipes",
            description: "Find recipes that use the given ingredients.",
            action: "find recipes",
            params: [
                "ingredients: str<ingredient>[]{1,6} | using {} | Ingredients to cook with.",
                "cuisine?: str<cuisine> | in {} style | Preferred cuisine.",
                "max_minutes?: int[5..600](15..120) | that take at most {} minutes | Longest total cooking time.",
                "diet?: str<diet> | that are {} | Dietary restriction."
            ]
        },
        {
            name: "nutrition_facts",
            description: "Get calories and macronutrients of a food portion.",
            action: "get the nutrition facts",
            params: [
                "food: str<food> | for {} | Food name.",
                "grams: num(10..1000)/1 | for a {} g portion | Portion weight in grams."
            ]
        },
        {
            name: "scale_recipe",
            description: "Scale a recipe's ingredient quantities to a new number of servings.",
            action: "scale the recipe",
            params: [
                "recipe_name: str<dish> | for {} | Name of a saved recipe.",
                "original_servings: int[1..50](2..8) | from {} servings | Servings the recipe makes now.",
                "target_servings: int[1..200](1..24) | to {} servings | Servings wanted."
            ]
        },
        {
            name: "convert_cooking_units",
            description: "Convert a kitchen quantity between volume and weight units for an ingredient.",
            action: "convert",
            standalone: "convert a kitchen measurement",
            params: [
                "quantity: num(0.25..20)/2 | {} | Amount to convert.",
                "from_unit: enum(cup,tablespoon,teaspoon,ml,gram,ounce) | {} | Unit of the amount.",
                "to_unit: enum(cup,tablespoon,teaspoon,ml,gram,ounce) | to {} | Unit to convert to.",
                "ingredient: str<ingredient> | of {} | Ingredient, used for volume-to-weight conversions."
            ]
        },
        {
            name: "weekly_meal_plan",
            description: "Create a weekly meal plan for a diet and calorie target.",
            action: "make a weekly meal plan",
            params: [
                "daily_calories: int[800..5000](1400..3200) | of about {} calories a day | Daily calorie target.",
                "diet?: str<diet> | that is {} | Dietary restriction.",
                "meals_per_day?=3: int[1..6](2..5) | with {} meals a day | Meals per day.",
                "exclude?: str<ingredient>[]{1,4} | without {} | Ingredients to avoid."
            ]
        },
        {
            name: "wine_pairing",
            description: "Suggest wines that pair with a dish.",
            action: "suggest a wine",
            params: [
                "dish: str<dish> | to go with {} | The dish.",
                "max_price?: num(5..200)/2 | under {} | Highest bottle price."
            ]
        },
        {
            name: "substitute_ingredient",
            description: "Suggest substitutes for an ingredient in a recipe.",
            action: "suggest a substitute for",
            standalone: "suggest an ingredient substitute",
            params: [
                "ingredient: str<ingredient> | {} | Ingredient to replace.",
                "reason?: enum(allergy,vegan,unavailable,lower_calorie) | because of {} | Why it must be replaced."
            ]
        },
        {
            name: "set_kitchen_timer",
            description: "Start a named kitchen timer.",
            action: "set a timer",
            params: [
                "minutes: int[1..600](1..90) | for {} minutes | Timer length in minutes.",
                "label?: str<dish> | labelled {} | Name shown on the timer."
            ]
        },
        {
            name: "shopping_list_from_recipes",
            description: "Build a combined shopping list from several saved recipes.",
            action: "build a shopping list",
            params: [
                "recipes: str<dish>[]{2,5} | for {} | Recipes to shop for.",
                "servings?=4: int[1..20](2..8) | scaled to {} servings each | Servings per recipe.",
                "group_by_aisle?=true: bool | grouped by aisle / as one list | Whether to group items by store aisle."
            ]
        }
    ]
};
