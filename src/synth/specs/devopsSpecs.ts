import type {DomainSpec} from "../ToolSpec.js";

/** Deployments, containers, repositories and cloud resources. */
export const devopsSpecs: DomainSpec = {
    domain: "devops",
    namespace: "ops",
    tools: [
        {
            name: "deploy_service",
            description: "Deploy a container image as a service.",
            action: "deploy",
            standalone: "deploy a service",
            params: [
                "service: str<project> | the {} service | Service name.",
                "image: str<docker_image> | with image {} | Container image and tag.",
                "replicas?=2: int[1..100](1..10) | with {} replicas | Number of instances.",
                "region?: str<cloud_region> | in {} | Cloud region.",
                {param: "env?: obj | with environment {} | Environment settings.", fields: [
                    "log_level: enum(debug,info,warn,error) | log level {} | Log verbosity.",
                    "feature_flags?: str<tag>[]{1,3} | flags {} | Feature flags to enable."
                ]}
            ]
        },
        {
            name: "scale_service",
            description: "Change the number of running instances of a service.",
            action: "scale",
            standalone: "scale a service",
            params: [
                "service: str<project> | the {} service | Service name.",
                "replicas: int[0..200](0..20) | to {} instances | Desired instance count."
            ]
        },
        {
            name: "get_logs",
            description: "Fetch recent log lines of a service.",
            action: "show the logs",
            params: [
                "service: str<project> | of {} | Service name.",
                "since: str<datetime> | since {} | Earliest timestamp, ISO 8601.",
                "level?: enum(debug,info,warn,error) | at level {} or above | Lowest log level.",
                "grep?: str<keyword> | containing \"{}\" | Only lines containing this text.",
                "tail?=200: int[1..10000](20..1000) | — the last {} lines | Most lines to return."
            ]
        },
        {
            name: "restart_service",
            description: "Restart all instances of a service, one at a time or all at once.",
            action: "restart",
            standalone: "restart a service",
            params: [
                "service: str<project> | {} | Service name.",
                "rolling?=true: bool | with a rolling restart / all at once | Restart instances one at a time."
            ]
        },
        {
            name: "create_branch",
            description: "Create a git branch from a base branch in a repository.",
            action: "create the branch",
            standalone: "create a git branch",
            params: [
                "repo: str<repo> | in {} | Repository as owner/name.",
                "branch: str<git_branch> | {} | New branch name.",
                "from_branch?=main: str<git_branch> | from {} | Base branch."
            ]
        },
        {
            name: "open_pull_request",
            description: "Open a pull request between two branches.",
            action: "open a pull request",
            params: [
                "repo: str<repo> | in {} | Repository as owner/name.",
                "head: str<git_branch> | from {} | Branch with the changes.",
                "base?=main: str<git_branch> | into {} | Branch to merge into.",
                "title: str<task> | titled \"{}\" | Pull request title.",
                "reviewers?: str<username>[]{1,3} | with reviewers {} | Usernames to request reviews from.",
                "draft?=false: bool | as a draft / ready for review | Whether to open it as a draft."
            ]
        },
        {
            name: "ci_status",
            description: "Get the status of the latest CI pipeline for a commit.",
            action: "check the CI status",
            params: [
                "repo: str<repo> | of {} | Repository as owner/name.",
                "commit_sha: str<hash> | for commit {} | Commit hash."
            ]
        },
        {
            name: "launch_instance",
            description: "Launch a cloud virtual machine.",
            action: "launch a VM",
            params: [
                "name: str<hostname_short> | named {} | Instance name.",
                "instance_type: enum(t3.micro,t3.large,m5.xlarge,c6i.2xlarge,r6g.large) | of type {} | Machine type.",
                "region: str<cloud_region> | in {} | Cloud region.",
                "disk_gb?=20: int[8..16000](20..500) | with a {} GB disk | Boot disk size.",
                "spot?=false: bool | as a spot instance / on demand | Whether to use spot pricing."
            ]
        },
        {
            name: "rollback_deployment",
            description: "Roll a service back to a previous release version.",
            action: "roll back",
            standalone: "roll back a deployment",
            params: [
                "service: str<project> | {} | Service name.",
                "to_version: str<version> | to version {} | Release to restore."
            ]
        },
        {
            name: "create_alert_rule",
            description: "Create a monitoring alert on a metric threshold.",
            action: "create an alert",
            params: [
                "metric: enum(cpu_percent,memory_percent,error_rate,p95_latency_ms,disk_percent) | on {} | Metric to watch.",
                "threshold: num(1..5000)/1 | above {} | Value that triggers the alert.",
                "duration_minutes?=5: int[1..120](1..30) | for {} minutes | How long the threshold must be exceeded.",
                "notify: str<email>[]{1,3} | notifying {} | Who to notify."
            ]
        }
    ]
};
