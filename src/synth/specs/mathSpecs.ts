import type {DomainSpec} from "../ToolSpec.js";

/** Arithmetic, number theory, algebra and statistics. */
export const mathSpecs: DomainSpec = {
    domain: "math",
    namespace: "math",
    tools: [
        {
            name: "gcd",
            description: "Compute the greatest common divisor of two integers.",
            action: "find the greatest common divisor",
            params: [
                "a: int(2..5000) | of {} | First integer.",
                "b: int(2..5000) | and {} | Second integer."
            ]
        },
        {
            name: "lcm",
            description: "Compute the least common multiple of two positive integers.",
            action: "compute the least common multiple",
            params: [
                "a: int[1..1000000](2..400) | of {} | First positive integer.",
                "b: int[1..1000000](2..400) | and {} | Second positive integer."
            ]
        },
        {
            name: "factorial",
            description: "Compute n! for a non-negative integer n.",
            action: "calculate the factorial",
            params: ["n: int[0..170](3..30) | of {} | The non-negative integer."]
        },
        {
            name: "is_prime",
            description: "Check whether an integer is a prime number.",
            action: "check if this number is prime:",
            standalone: "check whether a number is prime",
            params: ["number: int[2..1000000000](2..99999) | {} | The integer to test."]
        },
        {
            name: "prime_factors",
            description: "Decompose an integer into its prime factors.",
            action: "break this number into prime factors:",
            standalone: "factor a number into primes",
            params: [
                "number: int[2..1000000000](12..99999) | {} | The integer to factor.",
                "with_multiplicity?=true: bool | listing repeated factors / listing each distinct prime once | Whether repeated prime factors are listed once per occurrence."
            ]
        },
        {
            name: "solve_quadratic",
            description: "Find the real or complex roots of a quadratic equation a*x^2 + b*x + c = 0.",
            action: "solve the quadratic equation",
            params: [
                "a: num(-20..20)/1 | with a = {} | Coefficient of x^2 (non-zero).",
                "b: num(-50..50)/1 | , b = {} | Coefficient of x.",
                "c: num(-100..100)/1 | and c = {} | Constant term.",
                "real_only?=false: bool | returning only real roots / including complex roots | Whether to drop complex roots."
            ]
        },
        {
            name: "mean",
            description: "Compute the arithmetic mean of a list of numbers.",
            action: "compute the average",
            params: ["values: num(0.5..500)/2[]{2,20} | of {} | The numbers to average."]
        },
        {
            name: "median",
            description: "Compute the median of a list of numbers.",
            action: "find the median",
            params: ["numbers: num(1..1000)/1[]{1,50} | of {} | The data points."]
        },
        {
            name: "standard_deviation",
            description: "Compute the standard deviation of a sample or a population.",
            action: "calculate the standard deviation",
            params: [
                "data: num(1..200)/2[]{2,50} | of {} | The observations.",
                "population?=false: bool | treating them as the whole population / treating them as a sample | True for the population formula, false for the sample formula."
            ]
        },
        {
            name: "percentile",
            description: "Compute a percentile of a list of numbers.",
            action: "compute a percentile",
            params: [
                "values: int(1..500)[]{3,30} | of {} | The data points.",
                "percentile: num[0..100](5..99)/1 | at percentile {} | Percentile to compute, between 0 and 100."
            ]
        },
        {
            name: "fibonacci",
            description: "Return the first n numbers of the Fibonacci sequence.",
            action: "list the Fibonacci sequence",
            params: ["count: int[1..90](5..40) | up to {} terms | How many Fibonacci numbers to return."]
        },
        {
            name: "binomial_coefficient",
            description: "Compute the binomial coefficient C(n, k): the number of ways to choose k items from n.",
            action: "compute the binomial coefficient",
            params: [
                "n: int[0..1000](5..60) | for n = {} | Size of the set.",
                "k: int[0..1000](1..5) | and k = {} | Number of items chosen."
            ]
        },
        {
            name: "logarithm",
            description: "Compute the logarithm of a positive number in a given base.",
            action: "compute the logarithm",
            params: [
                "value: num(1.5..100000)/2 | of {} | The positive number.",
                "base?=10: int[2..36](2..16) | in base {} | The logarithm base."
            ]
        },
        {
            name: "convert_base",
            description: "Write a base-10 integer in another numeral base.",
            action: "convert",
            standalone: "convert a number to another base",
            params: [
                "number: int[0..1000000000](10..99999) | the number {} | The integer, in base 10.",
                "to_base: enum(2,8,16,36) | to base {} | Base to convert to.",
                "uppercase?=false: bool | using upper-case digits / using lower-case digits | Whether letter digits are upper case."
            ]
        },
        {
            name: "evaluate_polynomial",
            description: "Evaluate a polynomial with the given coefficients (highest degree first) at a point.",
            action: "evaluate the polynomial",
            params: [
                "coefficients: int(-9..9)[]{2,6} | with coefficients {} | Coefficients from the highest degree down to the constant term.",
                "x: num(-10..10)/2 | at x = {} | The point to evaluate at."
            ]
        },
        {
            name: "definite_integral",
            description: "Numerically integrate a polynomial between two bounds.",
            action: "integrate the polynomial",
            params: [
                "coefficients: num(-9..9)/1[]{2,5} | with coefficients {} | Coefficients from the highest degree down to the constant term.",
                "lower: num(-10..0)/1 | from {} | Lower bound of integration.",
                "upper: num(0.5..10)/1 | to {} | Upper bound of integration.",
                "method?=simpson: enum(simpson,trapezoid,gauss) | using the {} method | Numerical integration method."
            ]
        },
        {
            name: "round_number",
            description: "Round a number to a given number of decimal places.",
            action: "round a number",
            params: [
                "value: num(0.001..99999)/5 | — round {} | The number to round.",
                "decimals?=0: int[0..10](1..4) | to {} decimal places | Decimal places to keep.",
                "mode?=half_even: enum(half_up,half_even,floor,ceiling) | using {} rounding | Rounding rule."
            ]
        },
        {
            name: "linear_regression",
            description: "Fit a least-squares line y = m*x + b to paired data points.",
            action: "fit a linear regression",
            params: [
                "x: num(0..100)/1[]{3,50} | to x values {} | Independent variable values.",
                "y: num(0..500)/1[]{3,50} | and y values {} | Dependent variable values, same length as x."
            ]
        },
        {
            name: "percentage_change",
            description: "Compute the percentage change from an old value to a new value.",
            action: "work out the percentage change",
            params: [
                "old_value: num(1..10000)/2 | from {} | The starting value.",
                "new_value: num(1..10000)/2 | to {} | The ending value."
            ]
        },
        {
            name: "matrix_determinant",
            description: "Compute the determinant of a square matrix given as rows.",
            action: "compute the determinant",
            params: [
                {param: "matrix: obj | of the matrix with {} | The square matrix as a list of rows.", fields: [
                    "row1: int(-9..9)[]{3,3} | first row {} | First row.",
                    "row2: int(-9..9)[]{3,3} | second row {} | Second row.",
                    "row3: int(-9..9)[]{3,3} | third row {} | Third row."
                ]}
            ]
        }
    ]
};
