import type {DomainSpec} from "../ToolSpec.js";

/** Genetics, ecology and organisms. */
export const biologySpecs: DomainSpec = {
    domain: "biology",
    namespace: "bio",
    tools: [
        {
            name: "gene_info",
            description: "Get the chromosome location, function and associated conditions of a gene.",
            action: "get information about the gene",
            standalone: "get information about a gene",
            params: [
                "gene_symbol: str<gene> | {} | Official gene symbol, e.g. TP53.",
                "organism?=Homo sapiens: str<organism> | in {} | Species the gene belongs to."
            ]
        },
        {
            name: "gc_content",
            description: "Compute the GC content (percentage of G and C bases) of a DNA sequence.",
            action: "compute the GC content of",
            standalone: "compute the GC content of a DNA sequence",
            params: ["sequence: str<dna> | the sequence {} | DNA sequence of A, C, G and T."]
        },
        {
            name: "translate_dna",
            description: "Translate a DNA coding sequence into its protein (amino acid) sequence.",
            action: "translate the DNA sequence",
            params: [
                "sequence: str<dna> | {} | Coding DNA sequence.",
                "reading_frame?=1: enum(1,2,3) | in reading frame {} | Reading frame to start from.",
                "stop_at_first_stop?=true: bool | stopping at the first stop codon / translating through stop codons | Whether to stop at the first stop codon."
            ]
        },
        {
            name: "reverse_complement",
            description: "Return the reverse complement of a DNA sequence.",
            action: "give me the reverse complement of",
            standalone: "give me the reverse complement of a DNA sequence",
            params: ["sequence: str<dna> | {} | DNA sequence."]
        },
        {
            name: "population_growth",
            description: "Project a population size with exponential growth.",
            action: "project the population size",
            params: [
                "initial_population: int(10..100000) | from {} individuals | Population at the start.",
                "growth_rate: num(0.01..0.9)/3 | growing at a rate of {} per year | Annual growth rate as a fraction.",
                "years: int[1..500](1..50) | over {} years | Number of years."
            ]
        },
        {
            name: "species_info",
            description: "Get taxonomy, habitat and conservation status of a species by common name.",
            action: "look up the species",
            standalone: "look up a species",
            params: [
                "name: str<species> | {} | Common name of the species.",
                "include_range_map?=false: bool | with a range map / without a range map | Whether to include a link to a range map."
            ]
        },
        {
            name: "hardy_weinberg",
            description: "Compute genotype frequencies under Hardy-Weinberg equilibrium from an allele frequency.",
            action: "compute the Hardy-Weinberg genotype frequencies",
            params: ["allele_frequency: num(0.01..0.99)/2 | for an allele frequency p of {} | Frequency of the dominant allele."]
        },
        {
            name: "cell_count",
            description: "Estimate the number of cells after a number of doublings.",
            action: "estimate the number of cells",
            params: [
                "initial_cells: int(1..5000) | starting from {} cells | Cells at the start.",
                "doubling_time_hours: num(0.3..48)/1 | with a doubling time of {} hours | Time for the population to double.",
                "duration_hours: num(1..200)/1 | after {} hours | Elapsed time."
            ]
        },
        {
            name: "plant_care",
            description: "Get watering, light and soil recommendations for a plant.",
            action: "get care instructions for",
            standalone: "get plant care instructions",
            params: [
                "plant: str<plant> | {} | Plant name.",
                "climate?: enum(tropical,arid,temperate,continental,polar) | in a {} climate | Local climate type."
            ]
        },
        {
            name: "blast_search",
            description: "Search a sequence database for sequences similar to a query sequence.",
            action: "run a similarity search for",
            standalone: "run a sequence similarity search",
            params: [
                "sequence: str<dna> | {} | Query DNA sequence.",
                "database?=nt: enum(nt,refseq_rna,refseq_genomic,pdb) | against the {} database | Database to search.",
                "max_hits?=10: int[1..500](5..50) | returning at most {} hits | Maximum number of hits."
            ]
        }
    ]
};
