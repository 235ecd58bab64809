import type {DomainSpec} from "../ToolSpec.js";

/** Molar masses, solutions, gases and elements. */
export const chemistrySpecs: DomainSpec = {
    domain: "chemistry",
    namespace: "chem",
    tools: [
        {
            name: "molar_mass",
            description: "Compute the molar mass of a compound from its chemical formula.",
            action: "compute the molar mass",
            params: ["formula: str<formula> | of {} | Chemical formula, e.g. C6H12O6."]
        },
        {
            name: "grams_to_moles",
            description: "Convert a mass in grams of a compound to moles.",
            action: "convert grams to moles",
            params: [
                "formula: str<formula> | for {} | Chemical formula of the compound.",
                "grams: num(0.1..1000)/2 | given {} g | Mass in grams."
            ]
        },
        {
            name: "ph_from_concentration",
            description: "Compute the pH of a solution from its hydrogen ion concentration.",
            action: "compute the pH of a solution",
            params: ["h_concentration: num(0.0001..0.9)/5 | with [H+] = {} mol/L | Hydrogen ion concentration in mol/L."]
        },
        {
            name: "ideal_gas_pressure",
            description: "Compute the pressure of an ideal gas from moles, volume and temperature.",
            action: "compute the pressure of an ideal gas",
            params: [
                "moles: num(0.1..50)/2 | for {} mol | Amount of gas in moles.",
                "volume_liters: num(0.5..500)/1 | in a {} L container | Volume in liters.",
                "temperature_k: num(200..1000)/1 | at {} K | Temperature in kelvin.",
                "unit?=atm: enum(atm,kPa,mmHg,bar) | in {} | Pressure unit of the result."
            ]
        },
        {
            name: "dilution",
            description: "Compute the final concentration after diluting a solution (C1*V1 = C2*V2).",
            action: "work out the diluted concentration",
            params: [
                "initial_concentration: num(0.01..18)/2 | starting from {} M | Initial molarity.",
                "initial_volume_ml: num(1..1000)/1 | using {} mL of stock | Volume of stock solution in mL.",
                "final_volume_ml: num(10..5000)/1 | diluted to {} mL | Final volume in mL."
            ]
        },
        {
            name: "radioactive_decay",
            description: "Compute the remaining amount of a radioactive isotope after some time.",
            action: "calculate how much of a radioactive sample remains",
            params: [
                "initial_amount: num(1..1000)/1 | starting with {} g | Initial amount in grams.",
                "half_life: num(0.5..10000)/1 | with a half-life of {} years | Half-life of the isotope in years.",
                "elapsed: num(0.5..50000)/1 | after {} years | Time elapsed in years."
            ]
        },
        {
            name: "element_info",
            description: "Get the atomic number, mass, group and electron configuration of a chemical element.",
            action: "look up the element",
            standalone: "look up a chemical element",
            params: [
                "element: str<element> | {} | Element name, e.g. copper.",
                "include_isotopes?=false: bool | including its isotopes / without isotopes | Whether to list known isotopes."
            ]
        },
        {
            name: "element_by_symbol",
            description: "Get basic data of a chemical element from its symbol.",
            action: "get the data of the element with symbol",
            standalone: "get chemical element data",
            params: ["symbol: str<element_symbol> | {} | Element symbol, e.g. Fe."]
        },
        {
            name: "balance_equation",
            description: "Balance a chemical equation given reactants and products.",
            action: "balance the chemical equation",
            params: [
                "reactants: str<formula>[]{1,4} | with reactants {} | Reactant formulas.",
                "products: str<formula>[]{1,4} | and products {} | Product formulas."
            ]
        },
        {
            name: "reaction_enthalpy",
            description: "Estimate the standard enthalpy change of a reaction from formation enthalpies.",
            action: "estimate the reaction enthalpy",
            params: [
                {param: "species: obj[]{2,6} | for {} | Species in the reaction with their coefficients.", fields: [
                    "formula: str<formula> | {} | Chemical formula.",
                    "coefficient: int(1..4) | coefficient {} | Stoichiometric coefficient.",
                    "role: enum(reactant,product) | as a {} | Whether the species is consumed or produced."
                ]},
                "temperature_k?=298: num(250..1500)/1 | at {} K | Temperature in kelvin."
            ]
        },
        {
            name: "compound_properties",
            description: "Look up physical properties (melting point, boiling point, density) of a compound by name.",
            action: "look up the physical properties of",
            standalone: "look up the physical properties of a compound",
            params: [
                "compound: str<compound> | {} | Common name of the compound.",
                "properties?: enum(melting_point,boiling_point,density,solubility)[] | — only {} | Properties to return; all when omitted."
            ]
        }
    ]
};
