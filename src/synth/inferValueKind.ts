import {nameWords} from "./nameWords.js";

/** Rules tried in order against the parameter's name words, then against its description. */
const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/\be ?mail (subject|title)\b|\bsubject line\b/, "email_subject"],
    [/\b(e ?mail|email address)\b/, "email"],
    [/\b(url|uri|link|website|webpage|web page|endpoint|image)\b/, "url"],
    [/\bdomain\b/, "domain"],
    [/\bip( address)?\b/, "ip"],
    [/\bmac( address)?\b/, "mac"],
    [/\b(phone|mobile|telephone|cell)\b/, "phone"],
    [/\b(zip|zipcode|postcode|postal)\b/, "zip"],
    [/\b(time ?zone|tz)\b/, "timezone"],
    [/\b(date ?time|timestamp)\b/, "datetime"],
    [/\b(start|end|departure|arrival|due|meeting|event|appointment)? ?time\b/, "time"],
    [/\b(date|birthday|birthdate|dob|deadline|day)\b/, "date"],
    [/\b(currency|currencies)\b/, "currency"],
    [/\b(ticker|stock|symbol|symbols)\b/, "ticker"],
    [/\b(crypto|cryptocurrency|coin)\b/, "crypto"],
    [/\bcountry code\b/, "country_code"],
    [/\b(language code|lang code|locale)\b/, "lang_code"],
    [/\b(country|countries|nation)\b/, "country"],
    [/\b(airport|iata)\b/, "airport"],
    [/\b(file ?name)\b/, "filename"],
    [/\b(folder|directory|dir)\b/, "folder"],
    [/\b(file|path)\b/, "file_path"],
    [/\b(street|address)\b/, "address"],
    [/\b(city|cities|town|location|locations|place|destination|origin|hometown|region)\b/, "city"],
    [/\bstate\b/, "state"],
    [/\b(language|languages|lang)\b/, "language"],
    [/\b(username|user name|handle|login|screen name)\b/, "username"],
    [/\bpassword\b/, "record_id"],
    [/\b(token|api key|apikey|secret|access key)\b/, "token"],
    [/\border (id|number)\b|\border\b/, "order_id"],
    [/\btracking\b/, "tracking_number"],
    [/\binvoice\b/, "invoice_id"],
    [/\bemployee (id|number)\b/, "employee_id"],
    [/\bpatient (id|number)\b/, "patient_id"],
    [/\b(ticket|incident)\b/, "ticket_id"],
    [/\bflight\b/, "flight_number"],
    [/\bisbn\b/, "isbn"],
    [/\bdoi\b/, "doi"],
    [/\b(sku|product id|item id)\b/, "sku"],
    [/\b(coupon|promo|voucher|discount code)\b/, "coupon_code"],
    [/\bcase (id|number)\b/, "case_number"],
    [/\biban\b/, "iban"],
    [/\b(account number|account id)\b/, "account_number"],
    [/\bvin\b/, "vin"],
    [/\b(license plate|plate)\b/, "license_plate"],
    [/\buuid\b/, "uuid"],
    [/\b(hash|commit|sha)\b/, "hash"],
    [/\bversion\b/, "version"],
    [/\b(user|customer|client|member) ?id\b/, "user_id"],
    [/\bfirst name\b/, "first_name"],
    [/\b(last name|surname|family name)\b/, "last_name"],
    [/\b(company|organization|organisation|employer|business|firm|brand)\b/, "company"],
    [/\b(movie|film)\b/, "movie"],
    [/\b(song|track)\b/, "song"],
    [/\b(artist|band|singer|musician)\b/, "artist"],
    [/\b(book|novel)\b/, "book"],
    [/\bauthor\b/, "author"],
    [/\b(restaurant)\b/, "restaurant"],
    [/\b(center|centre|clinic|hospital|pharmacy|store|shop|gym|facility|venue|provider|bank|museum|library|salon|spa|agency|retreat)\b/, "facility"],
    [/\bhotel\b/, "hotel"],
    [/\b(recipe|dish|meal)\b/, "dish"],
    [/\bingredients?\b/, "ingredient"],
    [/\bcuisine\b/, "cuisine"],
    [/\b(diet|dietary)\b/, "diet"],
    [/\bfood\b/, "food"],
    [/\b(symptoms?|condition|conditions|illness|disease|diagnosis)\b/, "symptom"],
    [/\b(medication|medicine|drug)\b/, "medication"],
    [/\b(specialty|speciality|specialist)\b/, "specialty"],
    [/\b(exercise|workout|activity)\b/, "exercise"],
    [/\b(team)\b/, "team"],
    [/\b(player|athlete)\b/, "athlete"],
    [/\bleague\b/, "league"],
    [/\bsport\b/, "sport"],
    [/\b(event)\b/, "event_name"],
    [/\b(job|position|occupation|role)\b/, "job_title"],
    [/\bdepartment\b/, "department"],
    [/\b(skill|skills)\b/, "skill"],
    [/\b(university|school|college)\b/, "university"],
    [/\bcourse\b/, "course"],
    [/\bgenre\b/, "movie_genre"],
    [/\b(species|animal)\b/, "species"],
    [/\bplant\b/, "plant"],
    [/\bgene\b/, "gene"],
    [/\b(formula|molecule)\b/, "formula"],
    [/\bcompound\b/, "compound"],
    [/\belement\b/, "element"],
    [/\bplanet\b/, "planet"],
    [/\bstar\b/, "star"],
    [/\b(vehicle|car)\b/, "vehicle"],
    [/\b(colou?r)\b/, "color"],
    [/\btable\b/, "db_table"],
    [/\bcolumn\b/, "db_column"],
    [/\bdatabase\b/, "db_name"],
    [/\b(host|hostname|server)\b/, "hostname"],
    [/\b(hashtag)\b/, "hashtag"],
    [/\b(tag|tags|label|labels)\b/, "tag"],
    [/\b(project)\b/, "project"],
    [/\b(task|todo|to do)\b/, "task"],
    [/\b(subject)\b/, "email_subject"],
    [/\b(message|body|content|text|comment|review|feedback|reason)\b/, "message"],
    [/\b(note|notes|description)\b/, "note"],
    [/\b(title)\b/, "meeting_title"],
    [/\b(word)\b/, "word"],
    [/\b(phrase|sentence)\b/, "phrase"],
    [/\b(gender|sex)\b/, "gender"],
    [/\b(equipment|device|gadget|appliance)\b/, "product"],
    [/\b(type|kind|mode|level|plan|tier|status|style|size)\b/, "type_word"],
    [/\b(name|names|recipient|person|patient|customer|attendee|attendees|participant|participants|contact|doctor|owner|guest|passenger|sender|receiver|user)\b/, "person"],
    [/\b(category|categories|topic|topics|interest|interests|subject area)\b/, "topic"],
    [/\b(query|keyword|keywords|search|term|terms)\b/, "keyword"],
    [/\b(id|identifier|code|reference|number)\b/, "record_id"],
    [/\bproduct\b/, "product"]
];

/** Kinds that only say "some text"; the context (descriptions) may tell what text. */
const generic = new Set(["type_word", "person", "meeting_title", "keyword", "topic", "record_id", "message", "note", "movie_genre", "word", "phrase"]);

/** Given a generic kind, context words that point to a more specific one. */
const refiners: ReadonlyArray<readonly [RegExp, RegExp, string]> = [
    [/^(meeting_title|keyword|topic|person)$/, /\b(movie|film)s?\b/, "movie"],
    [/^(meeting_title|keyword|topic|person)$/, /\b(book|novel)s?\b/, "book"],
    [/^(meeting_title|keyword|topic|person)$/, /\b(song|track|lyrics)\b/, "song"],
    [/^(meeting_title|keyword|topic)$/, /\bpodcast/, "podcast"],
    [/^(meeting_title|keyword|topic|person)$/, /\b(recipe|dish|meal|cook)/, "dish"],
    [/^(meeting_title|keyword|topic)$/, /\b(job|career|position)s?\b/, "job_title"],
    [/^(meeting_title|keyword|topic)$/, /\b(product|item)s?\b/, "product"],
    [/^(meeting_title|keyword|topic)$/, /\bcourse/, "course"],
    [/^(meeting_title)$/, /\b(task|todo|to-do)/, "task"],
    [/^(meeting_title)$/, /\bnote/, "note"],
    [/^(meeting_title)$/, /\b(email|mail)\b/, "email_subject"],
    [/^(meeting_title|keyword)$/, /\bevent/, "event_name"],
    [/^(meeting_title|keyword|topic)$/, /\b(news|article|headline)/, "topic"],
    [/^(person|keyword)$/, /\b(company|business|organization|organisation|employer)\b/, "company"],
    [/^(person|keyword)$/, /\b(center|centre|clinic|hospital|pharmacy|store|shop|gym|facility|venue|provider)\b/, "facility"],
    [/^(person|keyword)$/, /\brestaurant/, "restaurant"],
    [/^(person|keyword)$/, /\bhotel/, "hotel"],
    [/^(person|keyword)$/, /\b(artist|band|singer)\b/, "artist"],
    [/^(person|keyword)$/, /\bteam\b/, "team"],
    [/^(keyword|topic|message|note)$/, /\b(symptom|condition|illness|disease)s?\b/, "symptom"],
    [/^(keyword|topic|message|note)$/, /\b(medication|medicine|drug|antibiotic)s?\b/, "medication"],
    [/^(keyword|topic)$/, /\b(exercise|workout|fitness)\b/, "exercise"],
    [/^(keyword|topic)$/, /\b(city|location|place|destination)\b/, "city"],
    [/^movie_genre$/, /\b(music|song|playlist|album)\b/, "music_genre"],
    [/^movie_genre$/, /\b(book|novel|reading)\b/, "book_genre"]
];

/** Rules that may also be matched against descriptions (names of people and generic words only match names). */
const descriptionRules = rules.filter(([, kind]) => !generic.has(kind) && kind !== "date" && kind !== "time");

/**
 * The value kind (a name in `valueKinds`) that suits a string parameter: from its name first,
 * then from its description; a generic guess (a person, a title, a keyword) is sharpened by the
 * parameter's and the tool's descriptions ("title" of a movie tool is a movie title). `topic`
 * when nothing matches. Used for source tools and for fields that carry no explicit hint.
 */
export function inferValueKind(name: string, description = "", toolDescription = ""): string {
    const words = nameWords(name, true).join(" ");
    const context = `${description} ${toolDescription}`.toLowerCase();
    let kind = rules.find(([pattern]) => pattern.test(words))?.[1];
    if (kind === undefined) kind = descriptionRules.find(([pattern]) => pattern.test(description.toLowerCase()))?.[1];
    kind ??= "topic";
    if (generic.has(kind)) {
        const refined = refiners.find(([from, pattern]) => from.test(kind as string) && pattern.test(context));
        if (refined !== undefined) return refined[2];
    }
    return kind;
}
