import type {DomainSpec} from "../ToolSpec.js";
import {weatherSpecs} from "./weatherSpecs.js";
import {mathSpecs} from "./mathSpecs.js";
import {geometrySpecs} from "./geometrySpecs.js";
import {physicsSpecs} from "./physicsSpecs.js";
import {chemistrySpecs} from "./chemistrySpecs.js";
import {biologySpecs} from "./biologySpecs.js";
import {astronomySpecs} from "./astronomySpecs.js";
import {financeSpecs} from "./financeSpecs.js";
import {bankingSpecs} from "./bankingSpecs.js";
import {travelSpecs} from "./travelSpecs.js";
import {mapsSpecs} from "./mapsSpecs.js";
import {transportSpecs} from "./transportSpecs.js";
import {sportsSpecs} from "./sportsSpecs.js";
import {musicSpecs} from "./musicSpecs.js";
import {moviesSpecs} from "./moviesSpecs.js";
import {cookingSpecs} from "./cookingSpecs.js";
import {healthSpecs} from "./healthSpecs.js";
import {ecommerceSpecs} from "./ecommerceSpecs.js";
import {calendarSpecs} from "./calendarSpecs.js";
import {emailSpecs} from "./emailSpecs.js";
import {filesSpecs} from "./filesSpecs.js";
import {databaseSpecs} from "./databaseSpecs.js";
import {networkingSpecs} from "./networkingSpecs.js";
import {devopsSpecs} from "./devopsSpecs.js";
import {analyticsSpecs} from "./analyticsSpecs.js";
import {civicSpecs} from "./civicSpecs.js";
import {educationSpecs} from "./educationSpecs.js";
import {environmentSpecs} from "./environmentSpecs.js";
import {eventsSpecs} from "./eventsSpecs.js";
import {gamesSpecs} from "./gamesSpecs.js";
import {hrSpecs} from "./hrSpecs.js";
import {languageSpecs} from "./languageSpecs.js";
import {lawSpecs} from "./lawSpecs.js";
import {logisticsSpecs} from "./logisticsSpecs.js";
import {mediaSpecs} from "./mediaSpecs.js";
import {newsSpecs} from "./newsSpecs.js";
import {petsSpecs} from "./petsSpecs.js";
import {realEstateSpecs} from "./realEstateSpecs.js";
import {smartHomeSpecs} from "./smartHomeSpecs.js";
import {socialSpecs} from "./socialSpecs.js";
import {supportSpecs} from "./supportSpecs.js";
import {utilitySpecs} from "./utilitySpecs.js";

/** Every hand-written domain of generated tools, in pool order. */
export const domainSpecs: readonly DomainSpec[] = [
    weatherSpecs,
    mathSpecs,
    geometrySpecs,
    physicsSpecs,
    chemistrySpecs,
    biologySpecs,
    astronomySpecs,
    financeSpecs,
    bankingSpecs,
    travelSpecs,
    mapsSpecs,
    transportSpecs,
    sportsSpecs,
    musicSpecs,
    moviesSpecs,
    cookingSpecs,
    healthSpecs,
    ecommerceSpecs,
    calendarSpecs,
    emailSpecs,
    filesSpecs,
    databaseSpecs,
    networkingSpecs,
    devopsSpecs,
    analyticsSpecs,
    civicSpecs,
    educationSpecs,
    environmentSpecs,
    eventsSpecs,
    gamesSpecs,
    hrSpecs,
    languageSpecs,
    lawSpecs,
    logisticsSpecs,
    mediaSpecs,
    newsSpecs,
    petsSpecs,
    realEstateSpecs,
    smartHomeSpecs,
    socialSpecs,
    supportSpecs,
    utilitySpecs
];
