import type {DomainSpec} from "../ToolSpec.js";

/** Employees, leave, payroll and hiring. */
export const hrSpecs: DomainSpec = {
    domain: "hr",
    namespace: "hr",
    tools: [
        {
            name: "get_employee",
            description: "Get an employee's profile: title, department, manager and contact details.",
            action: "pull up the profile of employee",
            standalone: "look up an employee",
            params: ["employee_id: str<employee_id> | {} | Employee identifier."]
        },
        {
            name: "request_leave",
            description: "Submit a leave request for an employee.",
            action: "request leave",
            params: [
                "employee_id: str<employee_id> | for {} | Employee identifier.",
                "leave_type: enum(vacation,sick,parental,unpaid,bereavement) | — {} leave | Type of leave.",
                "start_date: str<date> | from {} | First day off, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day off, YYYY-MM-DD.",
                "half_day?=false: bool | as a half day / as full days | Whether it is a half day."
            ]
        },
        {
            name: "calculate_net_salary",
            description: "Compute monthly net pay from a gross annual salary.",
            action: "calculate the net monthly pay",
            params: [
                "gross_annual: num(12000..400000)/2 | for a gross salary of {} a year | Gross yearly salary.",
                "country: str<country_code> | in {} | ISO country code for tax rules.",
                "pension_contribution_percent?=0: num(0.5..15)/1 | with a {}% pension contribution | Employee pension contribution."
            ]
        },
        {
            name: "post_job_opening",
            description: "Publish a job opening.",
            action: "post a job opening",
            params: [
                "title: str<job_title> | for a {} | Job title.",
                "department: str<department> | in {} | Department.",
                "location: str<city> | based in {} | Office location.",
                "remote?=false: bool | that can be remote / on site | Whether remote work is allowed.",
                "salary_min?: int(30000..120000) | paying from {} | Lowest yearly salary.",
                "salary_max?: int(60000..250000) | up to {} | Highest yearly salary.",
                "skills?: str<skill>[]{1,4} | requiring {} | Required skills."
            ]
        },
        {
            name: "search_candidates",
            description: "Search the candidate database by skills and experience.",
            action: "search candidates",
            params: [
                "skills: str<skill>[]{1,3} | with {} | Skills the candidate must have.",
                "min_years_experience?: int[0..40](1..10) | and at least {} years of experience | Fewest years of experience.",
                "location?: str<city> | in {} | Candidate location."
            ]
        },
        {
            name: "submit_timesheet",
            description: "Submit hours worked per project for a week.",
            action: "submit a timesheet",
            params: [
                "employee_id: str<employee_id> | for {} | Employee identifier.",
                "week_start: str<date> | for the week of {} | Monday of the week, YYYY-MM-DD.",
                {param: "entries: obj[]{1,4} | with {} | Hours per project.", fields: [
                    "project: str<project> | {} | Project name.",
                    "hours: num(0.5..40)/1 | {} h | Hours worked."
                ]}
            ]
        },
        {
            name: "schedule_interview",
            description: "Schedule an interview with a candidate.",
            action: "schedule an interview",
            params: [
                "candidate_email: str<email> | with {} | Candidate e-mail.",
                "interviewers: str<email>[]{1,3} | with interviewers {} | Interviewer e-mails.",
                "start: str<datetime> | at {} | Start time, ISO 8601.",
                "format?=video: enum(video,phone,onsite) | as a {} interview | Interview format."
            ]
        },
        {
            name: "org_chart",
            description: "Get the reporting line of a department.",
            action: "show the org chart",
            params: [
                "department: str<department> | of {} | Department.",
                "depth?=2: int[1..6](1..4) | {} levels deep | Levels of hierarchy."
            ]
        },
        {
            name: "leave_balance",
            description: "Get the remaining leave days of an employee.",
            action: "check the leave balance",
            params: [
                "employee_id: str<employee_id> | of {} | Employee identifier.",
                "year?: int[2000..2031](2022..2030) | for {} | Year; the current year when omitted."
            ]
        }
    ]
};
