import type {DomainSpec} from "../ToolSpec.js";

/** Events, meetings, reminders and availability. */
export const calendarSpecs: DomainSpec = {
    domain: "calendar",
    namespace: "calendar",
    tools: [
        {
            name: "create_event",
            description: "Create a calendar event and invite attendees.",
            action: "schedule",
            standalone: "create a calendar event",
            params: [
                "title: str<meeting_title> | \"{}\" | Event title.",
                "start: str<datetime> | starting {} | Start time, ISO 8601.",
                "duration_minutes?=60: int[5..1440](15..180) | for {} minutes | Length of the event.",
                "attendees?: str<email>[]{1,4} | with {} | E-mail addresses to invite.",
                "location?: str<room> | in {} | Where it takes place.",
                "send_invites?=true: bool | and send the invitations / without sending invitations | Whether to e-mail invitations."
            ]
        },
        {
            name: "list_events",
            description: "List calendar events between two dates.",
            action: "list my events",
            params: [
                "from_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "to_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "calendar?=primary: enum(primary,work,family,holidays) | in the {} calendar | Calendar to read."
            ]
        },
        {
            name: "reschedule_event",
            description: "Move an existing event to a new start time.",
            action: "move event",
            standalone: "reschedule an event",
            params: [
                "event_id: str<record_id> | {} | Event identifier.",
                "new_start: str<datetime> | to {} | New start time, ISO 8601.",
                "notify_attendees?=true: bool | and tell the attendees / without notifying anyone | Whether to notify attendees."
            ]
        },
        {
            name: "cancel_event",
            description: "Cancel a calendar event.",
            action: "cancel event",
            standalone: "cancel an event",
            params: [
                "event_id: str<record_id> | {} | Event identifier.",
                "message?: str<message> | with the note \"{}\" | Message sent to attendees."
            ]
        },
        {
            name: "find_free_slot",
            description: "Find a time slot when all given people are free.",
            action: "find a free slot",
            params: [
                "participants: str<email>[]{2,5} | for {} | E-mail addresses of the participants.",
                "duration_minutes: int[15..480](15..120) | of {} minutes | Length of the meeting.",
                "earliest: str<datetime> | no earlier than {} | Start of the search window, ISO 8601.",
                "latest: str<datetime> | and no later than {} | End of the search window, ISO 8601."
            ]
        },
        {
            name: "set_reminder",
            description: "Set a reminder that notifies the user at a time.",
            action: "remind me",
            standalone: "set a reminder",
            params: [
                "text: str<task> | to {} | What to be reminded about.",
                "remind_at: str<datetime> | at {} | When to notify, ISO 8601.",
                "repeat?=never: enum(never,daily,weekly,monthly) | repeating {} | Repetition."
            ]
        },
        {
            name: "convert_timezone",
            description: "Convert a local time from one time zone to another.",
            action: "convert",
            standalone: "convert a time between time zones",
            params: [
                "time: str<datetime_local> | {} | Local date and time, YYYY-MM-DD HH:MM:SS.",
                "from_tz: str<timezone> | from {} | IANA time zone of the given time.",
                "to_tz: str<timezone> | to {} | IANA time zone to convert to."
            ]
        },
        {
            name: "public_holidays",
            description: "List public holidays of a country in a year.",
            action: "list the public holidays",
            params: [
                "country_code: str<country_code> | in {} | ISO 3166 country code.",
                "year: int[1970..2040](2020..2031) | for {} | Year."
            ]
        },
        {
            name: "days_between",
            description: "Count the days (or business days) between two dates.",
            action: "count the days",
            params: [
                "start_date: str<date> | between {} | First date, YYYY-MM-DD.",
                "end_date: str<date> | and {} | Second date, YYYY-MM-DD.",
                "business_days_only?=false: bool | counting business days only / counting every day | Whether to skip weekends."
            ]
        }
    ]
};
