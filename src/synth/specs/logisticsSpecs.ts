import type {DomainSpec} from "../ToolSpec.js";

/** Shipping rates, warehouses, inventory and fleets. */
export const logisticsSpecs: DomainSpec = {
    domain: "logistics",
    namespace: "logistics",
    tools: [
        {
            name: "shipping_rate",
            description: "Quote shipping rates for a parcel.",
            action: "quote shipping",
            params: [
                "origin_zip: str<zip> | from {} | Origin postal code.",
                "destination_zip: str<zip> | to {} | Destination postal code.",
                "weight_kg: num(0.1..70)/2 | for a {} kg parcel | Parcel weight.",
                {param: "dimensions_cm?: obj | measuring {} | Parcel dimensions.", fields: [
                    "length: num(5..150)/1 | {} | Length in cm.",
                    "width: num(5..100)/1 | x {} | Width in cm.",
                    "height: num(2..100)/1 | x {} cm | Height in cm."
                ]},
                "service?=ground: enum(ground,two_day,overnight,international) | by {} | Service level."
            ]
        },
        {
            name: "check_inventory",
            description: "Check stock levels of SKUs in a warehouse.",
            action: "check the stock of",
            standalone: "check inventory",
            params: [
                "skus: str<sku>[]{1,4} | {} | SKUs to check.",
                "warehouse: str<warehouse> | in {} | Warehouse code."
            ]
        },
        {
            name: "create_purchase_order",
            description: "Create a purchase order with a supplier.",
            action: "create a purchase order",
            params: [
                "supplier: str<company> | with {} | Supplier name.",
                {param: "lines: obj[]{1,4} | for {} | Order lines.", fields: [
                    "sku: str<sku> | {} | Item SKU.",
                    "quantity: int(1..500) | x{} | Quantity.",
                    "unit_price: num(0.5..500)/2 | at {} | Price per unit."
                ]},
                "deliver_by?: str<date> | to be delivered by {} | Requested delivery date, YYYY-MM-DD."
            ]
        },
        {
            name: "schedule_pickup",
            description: "Schedule a carrier pickup of parcels.",
            action: "schedule a pickup",
            params: [
                "address: str<address> | at {} | Pickup address.",
                "date: str<date> | on {} | Pickup date, YYYY-MM-DD.",
                "parcels: int[1..100](1..12) | of {} parcels | Number of parcels.",
                "ready_time?=09:00: str<time> | ready from {} | Time the parcels are ready, HH:MM."
            ]
        },
        {
            name: "optimize_route",
            description: "Order delivery stops to minimise driving time.",
            action: "optimise a delivery route",
            params: [
                "depot: str<address> | starting at {} | Depot address.",
                "stops: str<address>[]{2,5} | through {} | Delivery addresses.",
                "return_to_depot?=true: bool | and back to the depot / ending at the last stop | Whether to return to the depot."
            ]
        },
        {
            name: "customs_duty",
            description: "Estimate import duties and taxes for goods.",
            action: "estimate the customs duty",
            params: [
                "hs_code: str<hs_code> | on goods with HS code {} | Harmonized System code.",
                "value: num(10..50000)/2 | worth {} | Declared value.",
                "currency: str<currency> | in {} | Currency of the value.",
                "destination_country: str<country_code> | imported into {} | Importing country."
            ]
        },
        {
            name: "fleet_vehicle_location",
            description: "Get the live location of a fleet vehicle.",
            action: "locate truck",
            standalone: "locate a fleet vehicle",
            params: ["vehicle_id: str<fleet_id> | {} | Fleet vehicle identifier."]
        }
    ]
};
