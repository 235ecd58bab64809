import type {DomainSpec} from "../ToolSpec.js";

/** Posting, profiles and followers on social networks. */
export const socialSpecs: DomainSpec = {
    domain: "social",
    namespace: "social",
    tools: [
        {
            name: "create_post",
            description: "Publish a post with optional hashtags and image.",
            action: "post",
            standalone: "publish a social post",
            params: [
                "text: str<message> | \"{}\" | Post text.",
                "platform: enum(mastodon,bluesky,linkedin,instagram,facebook) | on {} | Network to post to.",
                "hashtags?: str<hashtag>[]{1,3} | with the hashtags {} | Hashtags to append.",
                "image_url?: str<url> | with the image {} | Image to attach.",
                "schedule_at?: str<datetime> | at {} | When to publish, ISO 8601; now when omitted."
            ]
        },
        {
            name: "get_profile",
            description: "Get a user's public profile and follower counts.",
            action: "look up the profile of",
            standalone: "look up a social profile",
            params: [
                "username: str<username> | @{} | Username without the @.",
                "platform?=mastodon: enum(mastodon,bluesky,linkedin,instagram,facebook) | on {} | Network."
            ]
        },
        {
            name: "follow_user",
            description: "Follow or unfollow a user.",
            action: "change whether I follow",
            standalone: "follow or unfollow someone",
            params: [
                "username: str<username> | @{} | Username to follow.",
                "follow: bool | to following / to not following | True to follow, false to unfollow."
            ]
        },
        {
            name: "post_analytics",
            description: "Get likes, shares and reach of a post.",
            action: "get the analytics of post",
            standalone: "get post analytics",
            params: [
                "post_id: str<record_id> | {} | Post identifier.",
                "metrics?: enum(likes,shares,comments,reach,impressions)[] | showing {} | Metrics; all when omitted."
            ]
        },
        {
            name: "search_hashtag",
            description: "Find recent posts using a hashtag.",
            action: "find recent posts with",
            standalone: "search a hashtag",
            params: [
                "hashtag: str<hashtag> | {} | Hashtag including #.",
                "limit?=20: int[1..100](5..50) | (up to {}) | Number of posts.",
                "language?: str<lang_code> | in language {} | Post language code."
            ]
        },
        {
            name: "send_direct_message",
            description: "Send a private message to a user.",
            action: "DM",
            standalone: "send a direct message",
            params: [
                "username: str<username> | @{} | Recipient username.",
                "message: str<message> | : \"{}\" | Message text."
            ]
        },
        {
            name: "report_content",
            description: "Report a post for violating community rules.",
            action: "report post",
            standalone: "report a post",
            params: [
                "post_id: str<record_id> | {} | Post identifier.",
                "reason: enum(spam,harassment,misinformation,violence,copyright) | for {} | Reason for the report."
            ]
        }
    ]
};
