import type {DomainSpec} from "../ToolSpec.js";

/** Mechanics, electricity, waves and thermodynamics. */
export const physicsSpecs: DomainSpec = {
    domain: "physics",
    namespace: "physics",
    tools: [
        {
            name: "final_velocity",
            description: "Compute the final velocity of an object under constant acceleration.",
            action: "calculate the final velocity of an object",
            params: [
                "initial_velocity: num(0..50)/1 | starting at {} m/s | Initial velocity in m/s.",
                "acceleration: num(0.5..20)/2 | accelerating at {} m/s^2 | Acceleration in m/s^2.",
                "time: num(0.5..60)/1 | for {} seconds | Elapsed time in seconds."
            ]
        },
        {
            name: "kinetic_energy",
            description: "Compute the kinetic energy of a moving mass.",
            action: "compute the kinetic energy",
            params: [
                "mass: num(0.1..2000)/1 | of a {} kg object | Mass in kilograms.",
                "velocity: num(0.5..120)/1 | moving at {} m/s | Speed in m/s."
            ]
        },
        {
            name: "potential_energy",
            description: "Compute gravitational potential energy m*g*h.",
            action: "compute the gravitational potential energy",
            params: [
                "mass: num(0.1..500)/1 | of a {} kg mass | Mass in kilograms.",
                "height: num(0.5..300)/1 | raised {} m | Height in meters.",
                "gravity?=9.81: num(1..30)/2 | with g = {} m/s^2 | Gravitational acceleration."
            ]
        },
        {
            name: "projectile_range",
            description: "Compute the horizontal range of a projectile launched over flat ground.",
            action: "work out the range of a projectile",
            params: [
                "speed: num(1..100)/1 | launched at {} m/s | Launch speed in m/s.",
                "angle_degrees: num(5..85)/1 | at an angle of {} degrees | Launch angle above the horizontal.",
                "air_resistance?=false: bool | taking air resistance into account / ignoring air resistance | Whether to model drag."
            ]
        },
        {
            name: "ohms_law",
            description: "Solve Ohm's law V = I * R for the missing quantity.",
            action: "apply Ohm's law",
            params: [
                "solve_for: enum(voltage,current,resistance) | to find the {} | Quantity to compute.",
                "voltage?: num(1..400)/1 | with voltage {} V | Voltage in volts, when known.",
                "current?: num(0.01..30)/2 | with current {} A | Current in amperes, when known.",
                "resistance?: num(1..10000)/1 | with resistance {} ohms | Resistance in ohms, when known."
            ]
        },
        {
            name: "wavelength",
            description: "Compute a wave's wavelength from its frequency and propagation speed.",
            action: "compute the wavelength",
            params: [
                "frequency_hz: num(20..5000000)/1 | for a frequency of {} Hz | Frequency in hertz.",
                "speed?=299792458: num(100..300000000)/1 | at a speed of {} m/s | Propagation speed; light in vacuum by default."
            ]
        },
        {
            name: "gravitational_force",
            description: "Compute the gravitational force between two masses.",
            action: "calculate the gravitational force",
            params: [
                "mass1: num(1..100000)/1 | between a {} kg mass | First mass in kilograms.",
                "mass2: num(1..100000)/1 | and a {} kg mass | Second mass in kilograms.",
                "distance: num(0.1..1000)/2 | that are {} m apart | Distance between the centers in meters."
            ]
        },
        {
            name: "heat_energy",
            description: "Compute the heat needed to change a substance's temperature (Q = m*c*dT).",
            action: "calculate the heat energy needed",
            params: [
                "mass_kg: num(0.1..100)/2 | to warm {} kg | Mass in kilograms.",
                "specific_heat: num(100..5000)/1 | of a material with specific heat {} J/(kg·K) | Specific heat capacity.",
                "delta_t: num(0.5..100)/1 | by {} degrees | Temperature change in kelvin."
            ]
        },
        {
            name: "momentum",
            description: "Compute the linear momentum of an object.",
            action: "find the momentum",
            params: [
                "mass: num(0.05..5000)/2 | of a {} kg object | Mass in kilograms.",
                "velocity: num(-100..100)/1 | travelling at {} m/s | Velocity in m/s (negative for the opposite direction)."
            ]
        },
        {
            name: "pendulum_period",
            description: "Compute the period of a simple pendulum.",
            action: "compute the period of a pendulum",
            params: [
                "length_m: num(0.1..20)/2 | that is {} m long | Length of the pendulum in meters.",
                "gravity?=9.81: num(1..30)/2 | under g = {} m/s^2 | Gravitational acceleration."
            ]
        },
        {
            name: "resistors_equivalent",
            description: "Compute the equivalent resistance of resistors in series or in parallel.",
            action: "compute the equivalent resistance",
            params: [
                "resistances: num(1..1000)/1[]{2,10} | of {} ohms | The resistances in ohms.",
                "arrangement: enum(series,parallel) | connected in {} | How the resistors are connected."
            ]
        },
        {
            name: "doppler_shift",
            description: "Compute the observed frequency of a moving sound source (Doppler effect).",
            action: "compute the Doppler-shifted frequency",
            params: [
                "source_frequency: num(50..5000)/1 | for a {} Hz source | Emitted frequency in hertz.",
                "source_speed: num(1..100)/1 | moving at {} m/s | Source speed in m/s.",
                "approaching: bool | toward the listener / away from the listener | True when the source approaches the listener."
            ]
        }
    ]
};
