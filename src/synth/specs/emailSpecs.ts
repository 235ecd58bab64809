import type {DomainSpec} from "../ToolSpec.js";

/** Sending, searching and organising e-mail and messages. */
export const emailSpecs: DomainSpec = {
    domain: "email",
    namespace: "mail",
    tools: [
        {
            name: "send_email",
            description: "Send an e-mail to one or more recipients.",
            action: "send an email",
            params: [
                "to: str<email>[]{1,3} | to {} | Recipient addresses.",
                "subject: str<email_subject> | with the subject \"{}\" | Subject line.",
                "body: str<message> | saying \"{}\" | Message text.",
                "cc?: str<email>[]{1,2} | , cc {} | Addresses to copy.",
                "attachments?: str<file_path>[]{1,2} | attaching {} | Paths of files to attach.",
                "high_priority?=false: bool | marked as high priority / with normal priority | Whether to flag it as important."
            ]
        },
        {
            name: "search_inbox",
            description: "Search e-mails by sender, text and date.",
            action: "search my inbox",
            params: [
                "from_address?: str<email> | for mail from {} | Sender address.",
                "contains?: str<keyword> | containing \"{}\" | Text the message must contain.",
                "since?: str<date> | since {} | Earliest date, YYYY-MM-DD.",
                "unread_only?=false: bool | showing unread mail only / including read mail | Only unread messages.",
                "max_results?=20: int[1..200](5..50) | (at most {} results) | Number of results."
            ]
        },
        {
            name: "create_draft",
            description: "Save an e-mail draft without sending it.",
            action: "draft an email",
            params: [
                "to: str<email> | to {} | Recipient address.",
                "subject: str<email_subject> | titled \"{}\" | Subject line.",
                "body: str<message> | with the text \"{}\" | Message text."
            ]
        },
        {
            name: "set_auto_reply",
            description: "Turn on an out-of-office auto reply for a period.",
            action: "set up an out-of-office reply",
            params: [
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "message: str<message> | saying \"{}\" | Reply text.",
                "external_only?=false: bool | for external senders only / for everyone | Reply only to people outside the organisation."
            ]
        },
        {
            name: "create_mail_filter",
            description: "Create a rule that labels or archives incoming mail.",
            action: "create a mail filter",
            params: [
                "from_domain: str<domain> | for mail from {} | Sender domain to match.",
                "action: enum(archive,label,star,delete,mark_read) | that will {} it | What to do with matching mail.",
                "label?: str<tag> | with label {} | Label to apply when the action is label."
            ]
        },
        {
            name: "send_sms",
            description: "Send a text message to a phone number.",
            action: "text",
            standalone: "send a text message",
            params: [
                "phone_number: str<phone> | {} | Recipient phone number with country code.",
                "message: str<message> | : \"{}\" | Message text."
            ]
        },
        {
            name: "post_chat_message",
            description: "Post a message to a team chat channel.",
            action: "post",
            standalone: "post a chat message",
            params: [
                "channel: str<chat_channel> | in {} | Channel name.",
                "text: str<message> | the message \"{}\" | Message text.",
                "mention_everyone?=false: bool | and notify everyone / without notifying everyone | Whether to @-mention the channel."
            ]
        },
        {
            name: "unsubscribe_sender",
            description: "Unsubscribe from a mailing list sender.",
            action: "unsubscribe me from",
            standalone: "unsubscribe from a mailing list",
            params: ["sender: str<email> | {} | Sender address of the list."]
        }
    ]
};
