import type {DomainSpec} from "../ToolSpec.js";

/** Bank accounts, payments, cards and insurance. */
export const bankingSpecs: DomainSpec = {
    domain: "banking",
    namespace: "bank",
    tools: [
        {
            name: "get_account_balance",
            description: "Get the current and available balance of a bank account.",
            action: "check the balance of account",
            standalone: "check an account balance",
            params: ["account_number: str<account_number> | {} | The account number."]
        },
        {
            name: "transfer_funds",
            description: "Transfer money from one of the user's accounts to an IBAN.",
            action: "transfer",
            standalone: "make a bank transfer",
            params: [
                "amount: num(1..20000)/2 | {} | Amount to send.",
                "currency: str<currency> | {} | ISO currency code of the amount.",
                "from_account: str<account_number> | from account {} | Source account number.",
                "to_iban: str<iban> | to IBAN {} | Destination IBAN.",
                "reference?: str<invoice_id> | with reference {} | Payment reference shown to the recipient.",
                "instant?=false: bool | as an instant transfer / as a standard transfer | Whether to use instant payment (fees may apply)."
            ]
        },
        {
            name: "list_transactions",
            description: "List the transactions of an account in a date range.",
            action: "list the transactions",
            params: [
                "account_number: str<account_number> | on account {} | The account number.",
                "from_date: str<date> | from {} | Start date, YYYY-MM-DD.",
                "to_date: str<date> | to {} | End date, YYYY-MM-DD.",
                "min_amount?: num(1..5000)/2 | of at least {} | Only transactions of at least this amount.",
                "category?: enum(groceries,travel,dining,utilities,salary,rent,entertainment) | in the {} category | Only this spending category."
            ]
        },
        {
            name: "block_card",
            description: "Block a payment card immediately, e.g. after it was lost or stolen.",
            action: "block the card ending in",
            standalone: "block a payment card",
            params: [
                "card_last_four: str<card_last4> | {} | Last four digits of the card.",
                "reason: enum(lost,stolen,damaged,suspected_fraud) | because it was {} | Why the card is blocked.",
                "order_replacement?=true: bool | and order a replacement / without ordering a replacement | Whether to send a new card."
            ]
        },
        {
            name: "schedule_bill_payment",
            description: "Schedule a bill payment to a saved payee on a date.",
            action: "schedule a payment",
            params: [
                "payee: str<company> | to {} | Name of the saved payee.",
                "amount: num(5..5000)/2 | of {} | Amount to pay.",
                "pay_on: str<date> | on {} | Payment date, YYYY-MM-DD.",
                "repeat?=none: enum(none,weekly,monthly,quarterly,yearly) | repeating {} | Repetition of the payment."
            ]
        },
        {
            name: "insurance_quote",
            description: "Get a car insurance quote for a driver and vehicle.",
            action: "get a car insurance quote",
            params: [
                "driver_age: int[16..100](18..80) | for a {}-year-old driver | Age of the main driver.",
                "vehicle: str<vehicle> | with a {} | Make and model of the car.",
                "coverage: enum(liability,collision,comprehensive) | for {} coverage | Coverage level.",
                "annual_mileage?: int(2000..40000) | driving about {} miles a year | Expected yearly mileage."
            ]
        },
        {
            name: "file_insurance_claim",
            description: "File an insurance claim for an incident under a policy.",
            action: "file an insurance claim",
            params: [
                "policy_number: str<policy_number> | under policy {} | Policy number.",
                "incident_date: str<date> | for an incident on {} | Date of the incident, YYYY-MM-DD.",
                "claim_type: enum(collision,theft,water_damage,fire,medical,liability) | for {} | Type of claim.",
                "estimated_amount?: num(50..50000)/2 | estimated at {} | Estimated loss.",
                "description?: str<message> | described as \"{}\" | Short description of what happened."
            ]
        },
        {
            name: "credit_score_check",
            description: "Get the credit score and main factors for a customer.",
            action: "check the credit score for customer",
            standalone: "check a credit score",
            params: [
                "customer_id: str<user_id> | {} | Customer identifier.",
                "bureau?=equifax: enum(equifax,experian,transunion) | from {} | Credit bureau to query."
            ]
        }
    ]
};
