import type {DomainSpec} from "../ToolSpec.js";

/** Areas, volumes, distances and angles. */
export const geometrySpecs: DomainSpec = {
    domain: "geometry",
    namespace: "geometry",
    tools: [
        {
            name: "circle_area",
            description: "Calculate the area of a circle from its radius.",
            action: "calculate the area of a circle",
            params: [
                "radius: num(0.5..100)/2 | with radius {} | Radius of the circle.",
                "units?=cm: enum(mm,cm,m,km,in,ft) | in {} | Length unit of the radius."
            ]
        },
        {
            name: "triangle_area",
            description: "Calculate the area of a triangle from its base and height.",
            action: "find the area of a triangle",
            params: [
                "base: num(0.5..80)/1 | with a base of {} | Length of the base.",
                "height: num(0.5..80)/1 | and a height of {} | Height perpendicular to the base."
            ]
        },
        {
            name: "heron_area",
            description: "Calculate the area of a triangle from its three side lengths (Heron's formula).",
            action: "use Heron's formula to get the area of a triangle",
            params: [
                "side_a: num(3..10)/1 | with sides {} | First side length.",
                "side_b: num(4..11)/1 | , {} | Second side length.",
                "side_c: num(5..12)/1 | and {} | Third side length."
            ]
        },
        {
            name: "rectangle_perimeter",
            description: "Calculate the perimeter of a rectangle.",
            action: "get the perimeter of a rectangle",
            params: [
                "length: num(1..200)/1 | that is {} long | Length of the rectangle.",
                "width: num(1..200)/1 | and {} wide | Width of the rectangle."
            ]
        },
        {
            name: "sphere_volume",
            description: "Calculate the volume of a sphere from its radius.",
            action: "compute the volume of a sphere",
            params: ["radius: num(0.1..50)/2 | of radius {} | Radius of the sphere."]
        },
        {
            name: "cylinder_volume",
            description: "Calculate the volume of a cylinder.",
            action: "calculate the volume of a cylinder",
            params: [
                "radius: num(0.5..30)/1 | with radius {} | Radius of the base.",
                "height: num(0.5..60)/1 | and height {} | Height of the cylinder.",
                "round_to?=2: int[0..8](0..4) | rounded to {} decimals | Decimal places in the result."
            ]
        },
        {
            name: "cone_surface_area",
            description: "Calculate the total surface area of a right circular cone.",
            action: "find the surface area of a cone",
            params: [
                "radius: num(0.5..20)/1 | with base radius {} | Radius of the base.",
                "slant_height: num(1..40)/1 | and slant height {} | Slant height of the cone."
            ]
        },
        {
            name: "distance_between_points",
            description: "Compute the Euclidean distance between two points in the plane.",
            action: "compute the distance",
            params: [
                {param: "point_a: obj | between ({}) | First point.", fields: [
                    "x: num(-50..50)/1 | x {} | X coordinate.",
                    "y: num(-50..50)/1 | y {} | Y coordinate."
                ]},
                {param: "point_b: obj | and ({}) | Second point.", fields: [
                    "x: num(-50..50)/1 | x {} | X coordinate.",
                    "y: num(-50..50)/1 | y {} | Y coordinate."
                ]}
            ]
        },
        {
            name: "polygon_area",
            description: "Compute the area of a simple polygon from its vertices (shoelace formula).",
            action: "compute the area of the polygon",
            params: [
                {param: "vertices: obj[]{3,8} | with vertices {} | The vertices in order around the polygon.", fields: [
                    "x: int(-20..20) | x {} | X coordinate.",
                    "y: int(-20..20) | y {} | Y coordinate."
                ]}
            ]
        },
        {
            name: "hypotenuse",
            description: "Compute the hypotenuse of a right triangle from its two legs.",
            action: "find the hypotenuse of a right triangle",
            params: [
                "leg_a: num(1..50)/1 | with legs {} | First leg.",
                "leg_b: num(1..50)/1 | and {} | Second leg."
            ]
        },
        {
            name: "convert_angle",
            description: "Convert an angle between degrees, radians and gradians.",
            action: "convert an angle of",
            standalone: "convert an angle",
            params: [
                "angle: num(0.5..720)/3 | {} | The angle value.",
                "from_unit: enum(degrees,radians,gradians) | from {} | Unit of the angle.",
                "to_unit: enum(degrees,radians,gradians) | to {} | Unit to convert to."
            ]
        },
        {
            name: "regular_polygon_properties",
            description: "Get the interior angle, perimeter and area of a regular polygon.",
            action: "get the properties of a regular polygon",
            params: [
                "sides: int[3..100](3..12) | with {} sides | Number of sides.",
                "side_length: num(0.5..50)/1 | each {} long | Length of each side."
            ]
        }
    ]
};
