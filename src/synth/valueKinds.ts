import {fillPattern} from "./fillPattern.js";
import type {SynthRandom} from "./SynthRandom.js";
import type {ValueKind} from "./ValueKind.js";
import {vocabulary, type VocabularyList} from "./vocabulary.js";

const list = (name: VocabularyList, exact = false): ValueKind => ({generate: (rng) => rng.pick(vocabulary[name]), exact});
const pattern = (...patterns: string[]): ValueKind => ({generate: (rng) => fillPattern(rng.pick(patterns), rng), exact: true});
const computed = (generate: (rng: SynthRandom) => string, exact = true): ValueKind => ({generate, exact});

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

function isoDate(rng: SynthRandom): string {
    const year = rng.int(2020, 2031);
    const month = rng.int(1, 12);
    return `${year}-${pad(month)}-${pad(rng.int(1, daysIn(year, month)))}`;
}

function spokenDate(value: string, rng: SynthRandom): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match === null) return value;
    const month = vocabulary.monthName[Number(match[2]) - 1] as string;
    const day = Number(match[3]);
    return rng.chance(0.5) ? `${month} ${day}, ${match[1]}` : `${day} ${month} ${match[1]}`;
}

function person(rng: SynthRandom): string {
    return `${rng.pick(vocabulary.firstName)} ${rng.pick(vocabulary.lastName)}`;
}

function domain(rng: SynthRandom): string {
    return `${rng.pick(vocabulary.domainWord)}.${rng.pick(vocabulary.tld)}`;
}

function email(rng: SynthRandom): string {
    const first = slug(rng.pick(vocabulary.firstName));
    const last = slug(rng.pick(vocabulary.lastName));
    const local = rng.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}_${last}${rng.int(1, 99)}`, `${first}`, `${last}.${first[0]}`]);
    return `${local}@${domain(rng)}`;
}

/**
 * Every string value kind, by name. Parameter hints (`str<city>` in tool specs) and the kind
 * inference for source tools refer to these names.
 */
export const valueKinds: Readonly<Record<string, ValueKind>> = {
    // people and organisations
    person: computed(person, false),
    first_name: list("firstName"),
    gender: {generate: (rng) => rng.pick(["female", "male", "non-binary"]), exact: false},
    last_name: list("lastName"),
    username: computed((rng) => `${slug(rng.pick(vocabulary.firstName))}${rng.pick(["_", ".", ""])}${slug(rng.pick(vocabulary.lastName)).slice(0, 5)}${rng.int(1, 999)}`),
    company: list("company"),
    brand: list("brand"),
    job_title: list("jobTitle"),
    department: list("department"),
    university: list("university"),
    course: list("course"),
    subject: list("subjectArea"),
    skill: list("skill"),
    athlete: list("athlete"),
    author: list("author"),
    artist: list("artist"),
    // places
    city: list("city"),
    country: list("country"),
    country_code: list("countryCode", true),
    state: list("usState"),
    address: computed((rng) => `${rng.int(1, 980)} ${rng.pick(vocabulary.streetName)}, ${rng.pick(vocabulary.city)}`, true),
    street: computed((rng) => `${rng.int(1, 980)} ${rng.pick(vocabulary.streetName)}`, true),
    landmark: list("landmark"),
    beach: list("beach"),
    neighborhood: list("neighborhood"),
    zip: pattern("#####"),
    postal_code: pattern("A# #AA", "AA## #AA", "#####", "####-###", "A#A #A#"),
    airport: list("iata", true),
    timezone: list("timezone", true),
    // contact and web
    email: computed(email),
    phone: pattern("+1-###-555-####", "+44 20 7### ####", "+49 30 #######", "+351 21# ### ###", "(###) 555-####"),
    url: computed((rng) => `https://${rng.chance(0.5) ? "www." : ""}${domain(rng)}/${rng.pick(vocabulary.urlPath)}`),
    domain: computed(domain),
    ip: computed((rng) => `${rng.int(10, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`),
    ipv6: pattern("2001:db8:xxxx:xxxx::x#", "fe80::xxxx:xxxx:xxxx:xxx#"),
    mac: pattern("XX:XX:XX:XX:XX:XX"),
    hostname: computed((rng) => `${rng.pick(vocabulary.hostname)}.${rng.pick(["internal", "prod", "staging"])}.${domain(rng)}`),
    // time
    date: {generate: isoDate, exact: true, paraphrase: spokenDate},
    datetime: computed((rng) => `${isoDate(rng)}T${pad(rng.int(0, 23))}:${pad(rng.pick([0, 15, 30, 45, rng.int(0, 59)]))}:00${rng.pick(["Z", "Z", "+02:00", "-05:00", "+09:00"])}`),
    datetime_local: computed((rng) => `${isoDate(rng)} ${pad(rng.int(6, 21))}:${pad(rng.pick([0, 15, 30, 45]))}:00`),
    time: computed((rng) => `${pad(rng.int(6, 22))}:${pad(rng.pick([0, 10, 15, 20, 30, 40, 45, 50]))}`),
    weekday: list("weekday"),
    month: list("monthName"),
    // codes and identifiers
    uuid: pattern("xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx"),
    hash: pattern("xxxxxxxxxxxx", "xxxxxxx"),
    version: computed((rng) => `${rng.int(0, 12)}.${rng.int(0, 30)}.${rng.int(0, 40)}`),
    order_id: pattern("ORD-######", "#########", "AA-####-####", "SO#######"),
    tracking_number: pattern("1Z###A##########", "TRK-AAA-######", "AA#########AA"),
    sku: pattern("AA-####-A", "AAA####", "SKU-#####-AA"),
    invoice_id: pattern("INV-####-###", "INV######", "####/AA/##"),
    coupon_code: pattern("SAVE##", "AAAA##", "SPRING##OFF", "WELCOME-AAAA"),
    flight_number: pattern("AA###", "AA####", "A#####"),
    license_plate: pattern("AA##-AAA", "AAA-####", "A###AAA", "## AA ###"),
    vin: pattern("#AAAA##A#AA######"),
    isbn: pattern("978-#-###-#####-#", "978-##-####-###-#"),
    doi: pattern("10.####/aaaa.#####", "10.####/a#####-##"),
    card_last4: pattern("####"),
    policy_number: pattern("POL-########", "AA-######-##", "#########"),
    account_number: pattern("##########", "####-####-##", "AC-########"),
    iban: pattern("DE## #### #### #### #### ##", "GB##AAAA##############", "PT50 #### #### ########### ##"),
    case_number: pattern("CV-20##-######", "CR-##-#####", "####-AA-###"),
    ticket_id: pattern("TCK-#####", "INC######", "AAAA-####"),
    student_id: pattern("S########", "STU-#####", "AA#######"),
    course_code: pattern("AAA ###", "AAAA###", "AA-###"),
    employee_id: pattern("EMP-####", "E######", "AA-#####"),
    patient_id: pattern("PT-######", "MRN########"),
    user_id: pattern("usr_aaaa####", "u-########", "#######"),
    token: pattern("tok_aaaa####aaaa####", "sk-aaaaAAAA########", "xxxxxxxxxxxxxxxxxxxxxxxx"),
    record_id: pattern("AA##-##AA", "rec_aaaa##aa", "A#A#A#", "####-AAAA"),
    hex_color: pattern("#XXXXXX"),
    dna: computed((rng) => Array.from({length: rng.int(12, 36)}, () => rng.pick(["A", "C", "G", "T"])).join("")),
    // files, data and infrastructure
    file_path: computed((rng) => {
        const folder = rng.pick(vocabulary.folder);
        const separator = folder.includes("\\") ? "\\" : "/";
        return `${folder}${separator}${rng.pick(vocabulary.fileStem)}.${rng.pick(vocabulary.fileExtension)}`;
    }),
    filename: computed((rng) => `${rng.pick(vocabulary.fileStem)}.${rng.pick(vocabulary.fileExtension)}`),
    folder: list("folder", true),
    db_table: list("dbTable", true),
    db_column: list("dbColumn", true),
    db_name: list("dbName", true),
    mime_type: list("mimeType", true),
    git_branch: list("gitBranch", true),
    repo: list("repoName", true),
    docker_image: list("dockerImage", true),
    cloud_region: list("cloudRegion", true),
    dataset: list("dataset", true),
    metric: list("metric"),
    // money and markets
    currency: list("currency", true),
    ticker: list("ticker", true),
    crypto: list("crypto", true),
    product: list("product"),
    product_category: list("productCategory"),
    // media and culture
    movie: list("movie"),
    tv_show: list("tvShow"),
    movie_genre: list("movieGenre"),
    song: list("song"),
    music_genre: list("musicGenre"),
    instrument: list("instrument"),
    musical_key: list("musicalKey"),
    book: list("book"),
    book_genre: list("bookGenre"),
    podcast: list("podcast"),
    video_game: list("videoGame"),
    language: list("language"),
    lang_code: list("langCode", true),
    phrase: list("phrase"),
    word: list("word"),
    // food and health
    dish: list("dish"),
    ingredient: list("ingredient"),
    cuisine: list("cuisine"),
    diet: list("diet"),
    food: list("food"),
    symptom: list("symptom"),
    medication: list("medication"),
    exercise: list("exercise"),
    specialty: list("specialty"),
    // science
    element: list("element"),
    element_symbol: list("elementSymbol", true),
    formula: list("formula", true),
    compound: list("compound"),
    species: list("species"),
    plant: list("plant"),
    gene: list("gene", true),
    organism: list("organism"),
    planet: list("planet"),
    star: list("star"),
    constellation: list("constellation"),
    galaxy: list("galaxy"),
    mineral: list("mineral"),
    // sports, events, work
    sport: list("sport"),
    team: list("team"),
    league: list("league"),
    meeting_title: list("meetingTitle"),
    event_name: list("eventName"),
    topic: list("topic"),
    keyword: list("keyword"),
    news_category: list("newsCategory"),
    message: list("message"),
    email_subject: list("emailSubject"),
    note: list("noteText"),
    task: list("task"),
    project: list("projectName"),
    tag: list("tag"),
    type_word: list("typeWord"),
    hashtag: list("hashtag", true),
    color: list("color"),
    vehicle: computed((rng) => `${rng.pick(vocabulary.vehicleMake)} ${rng.pick(vocabulary.vehicleModel)}`, false),
    vehicle_make: list("vehicleMake"),
    hotel: list("hotel"),
    restaurant: list("restaurant"),
    facility: list("facility"),
    airline: list("airline"),
    room: list("room"),
    dashboard: list("dashboard"),
    payment_id: pattern("pay_aaaa####aaaa", "PMT-########", "ch_aaaaaaaa####"),
    image_file: computed((rng) => `${rng.pick(["/home/ana/pictures", "/Users/kenji/Desktop", "/srv/uploads/img", "/data/photos/2024"])}/${rng.pick(["IMG_", "photo-", "scan_", "banner_", "logo-"])}${rng.int(10, 9999)}.${rng.pick(["jpg", "png", "webp", "tiff"])}`),
    video_file: computed((rng) => `${rng.pick(["/home/ana/videos", "/Users/kenji/Movies", "/srv/media/raw"])}/${rng.pick(["clip", "interview", "drone", "lecture", "vlog"])}_${rng.int(1, 999)}.${rng.pick(["mp4", "mov", "mkv"])}`),
    pdf_file: computed((rng) => `${rng.pick(["/home/ana/documents", "/Users/kenji/Desktop", "/srv/data/exports", "/mnt/backups/daily"])}/${rng.pick(vocabulary.fileStem)}.pdf`),
    warehouse: list("warehouse", true),
    hs_code: pattern("####.##", "####.##.##"),
    fleet_id: pattern("TRK-###", "VAN-####", "FL-##-AA"),
    waste_item: list("wasteItem"),
    pet_name: list("petName"),
    fen: list("fen", true),
    sudoku: computed((rng) => Array.from({length: 81}, () => (rng.chance(0.55) ? "0" : String(rng.int(1, 9)))).join("")),
    claim: list("claim"),
    alias: list("alias", true),
    home_room: list("homeRoom"),
    home_device: list("homeDevice"),
    automation_name: list("automationName"),
    pin: pattern("####", "######"),
    hostname_short: computed((rng) => `${rng.pick(vocabulary.hostname)}-${rng.pick(["eu", "us", "ap"])}${rng.int(1, 9)}`),
    glob: list("glob", true),
    archive: list("archive", true),
    index_name: list("indexName", true),
    db_value: list("dbValue", true),
    chat_channel: list("chatChannel", true),
    playlist: list("playlist"),
    speaker: list("speaker"),
    seat: pattern("A#", "A##"),
    audio_file: computed((rng) => `${rng.pick(["/home/ana/music", "/Users/kenji/Music/demos", "/srv/audio/uploads", "/mnt/nas/recordings"])}/${rng.pick(["demo_take", "track", "mix", "voice-memo", "loop"])}${rng.int(1, 99)}.${rng.pick(["wav", "mp3", "flac"])}`),
    duration_hms: computed((rng) => `${String(rng.int(0, 5)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}`),
    transit_stop: list("transitStop"),
    transit_line: list("transitLine", true),
    vehicle_model: list("vehicleModel"),
    place_id: pattern("ChIJaaAAaaaa####AAaa", "pl_########"),
    room_type: list("roomType"),
    legal_area: list("legalArea"),
    court: list("court"),
    property_type: list("propertyType"),
    animal: list("animal"),
    breed: list("breed"),
    unit_length: list("unitLength"),
    unit_mass: list("unitMass"),
    unit_temperature: list("unitTemperature"),
    unit_volume: list("unitVolume"),
    http_method: list("http", true)
};
