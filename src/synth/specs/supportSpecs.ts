import type {DomainSpec} from "../ToolSpec.js";

/** Customer support tickets, accounts and subscriptions. */
export const supportSpecs: DomainSpec = {
    domain: "support",
    namespace: "support",
    tools: [
        {
            name: "create_ticket",
            description: "Open a support ticket.",
            action: "open a support ticket",
            params: [
                "subject: str<email_subject> | titled \"{}\" | Short summary.",
                "description: str<message> | saying \"{}\" | Details of the problem.",
                "priority?=normal: enum(low,normal,high,urgent) | with {} priority | Priority.",
                "customer_email: str<email> | for {} | Customer e-mail."
            ]
        },
        {
            name: "update_ticket_status",
            description: "Change the status of a support ticket.",
            action: "set ticket",
            standalone: "update a ticket's status",
            params: [
                "ticket_id: str<ticket_id> | {} | Ticket identifier.",
                "status: enum(open,pending,on_hold,solved,closed) | to {} | New status.",
                "comment?: str<message> | with the comment \"{}\" | Internal comment."
            ]
        },
        {
            name: "search_tickets",
            description: "Search support tickets by customer, status and date.",
            action: "search tickets",
            params: [
                "customer_email?: str<email> | from {} | Customer e-mail.",
                "status?: enum(open,pending,on_hold,solved,closed) | that are {} | Status.",
                "created_after?: str<date> | created after {} | Earliest creation date, YYYY-MM-DD.",
                "tags?: str<tag>[]{1,2} | tagged {} | Tags the tickets must have."
            ]
        },
        {
            name: "reset_password",
            description: "Send a password reset link to a user.",
            action: "send a password reset link to",
            standalone: "send a password reset link",
            params: [
                "email: str<email> | {} | Account e-mail.",
                "expire_minutes?=60: int[5..1440](15..120) | valid for {} minutes | Link lifetime."
            ]
        },
        {
            name: "cancel_subscription",
            description: "Cancel a customer's subscription now or at the end of the billing period.",
            action: "cancel the subscription of customer",
            standalone: "cancel a subscription",
            params: [
                "customer_id: str<user_id> | {} | Customer identifier.",
                "at_period_end?=true: bool | at the end of the billing period / immediately | Whether to wait for the period to end.",
                "reason?: enum(too_expensive,missing_features,switched_service,not_using,other) | because of {} | Cancellation reason."
            ]
        },
        {
            name: "issue_refund",
            description: "Refund all or part of a payment.",
            action: "refund",
            standalone: "issue a refund",
            params: [
                "payment_id: str<payment_id> | payment {} | Payment identifier.",
                "amount?: num(1..2000)/2 | for {} | Amount to refund; the full payment when omitted.",
                "reason: enum(duplicate,fraudulent,requested_by_customer,defective) | as {} | Reason."
            ]
        },
        {
            name: "customer_lookup",
            description: "Find a customer account by e-mail or phone.",
            action: "find the customer with",
            standalone: "look up a customer",
            params: [
                "email?: str<email> | e-mail {} | Customer e-mail.",
                "phone?: str<phone> | phone {} | Customer phone number."
            ]
        },
        {
            name: "satisfaction_survey",
            description: "Send a satisfaction survey after a ticket is solved.",
            action: "send a satisfaction survey",
            params: [
                "ticket_id: str<ticket_id> | for ticket {} | Ticket identifier.",
                "channel?=email: enum(email,sms,in_app) | by {} | How to send it."
            ]
        }
    ]
};
