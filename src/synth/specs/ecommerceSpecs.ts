import type {DomainSpec} from "../ToolSpec.js";

/** Product search, carts, orders, returns and reviews. */
export const ecommerceSpecs: DomainSpec = {
    domain: "ecommerce",
    namespace: "shop",
    tools: [
        {
            name: "search_products",
            description: "Search the store catalogue with price and rating filters.",
            action: "search the store",
            params: [
                "query: str<product> | for {} | Search text.",
                "category?: str<product_category> | in {} | Catalogue category.",
                "min_price?: num(1..200)/2 | from {} | Lowest price.",
                "max_price?: num(20..3000)/2 | up to {} | Highest price.",
                "sort_by?=relevance: enum(relevance,price_asc,price_desc,rating,newest) | sorted by {} | Sort order.",
                "in_stock_only?=true: bool | in stock only / including out-of-stock items | Hide items that are out of stock."
            ]
        },
        {
            name: "add_to_cart",
            description: "Add a product to the shopping cart.",
            action: "add",
            standalone: "add an item to my cart",
            params: [
                "sku: str<sku> | item {} to my cart | Product SKU.",
                "quantity?=1: int[1..99](2..6) | , quantity {} | How many to add.",
                "gift_wrap?=false: bool | with gift wrapping / without gift wrapping | Whether to gift-wrap it."
            ]
        },
        {
            name: "place_order",
            description: "Place an order for items shipped to an address.",
            action: "place an order",
            params: [
                {param: "items: obj[]{1,4} | for {} | Items to order.", fields: [
                    "sku: str<sku> | {} | Product SKU.",
                    "quantity: int(1..5) | x{} | Quantity."
                ]},
                {param: "shipping_address: obj | shipped to {} | Delivery address.", fields: [
                    "name: str<person> | {} | Recipient name.",
                    "street: str<street> | {} | Street and number.",
                    "city: str<city> | {} | City.",
                    "postal_code: str<zip> | {} | Postal code.",
                    "country: str<country_code> | {} | ISO country code."
                ]},
                "shipping_speed?=standard: enum(standard,express,overnight) | with {} shipping | Shipping speed.",
                "coupon_code?: str<coupon_code> | using coupon {} | Discount code."
            ]
        },
        {
            name: "track_order",
            description: "Get the shipping status of an order.",
            action: "track order",
            standalone: "track an order",
            params: ["order_id: str<order_id> | {} | Order number."]
        },
        {
            name: "track_package",
            description: "Track a parcel with a carrier tracking number.",
            action: "track the package with tracking number",
            standalone: "track a package",
            params: [
                "tracking_number: str<tracking_number> | {} | Carrier tracking number.",
                "carrier?: enum(ups,fedex,dhl,usps,royal_mail,dpd) | with {} | Carrier; detected automatically when omitted."
            ]
        },
        {
            name: "request_return",
            description: "Open a return request for items of an order.",
            action: "return",
            standalone: "start a return",
            params: [
                "order_id: str<order_id> | items from order {} | Order number.",
                "skus: str<sku>[]{1,3} | — the items {} | SKUs to return.",
                "reason: enum(damaged,wrong_item,not_as_described,changed_mind,too_small,too_large) | because it was {} | Return reason.",
                "refund_method?=original_payment: enum(original_payment,store_credit) | refunded as {} | How to refund."
            ]
        },
        {
            name: "apply_coupon",
            description: "Apply a discount code to the current cart.",
            action: "apply the coupon",
            standalone: "apply a coupon",
            params: ["code: str<coupon_code> | {} | Coupon code."]
        },
        {
            name: "product_reviews",
            description: "Get customer reviews of a product.",
            action: "show reviews",
            params: [
                "sku: str<sku> | for product {} | Product SKU.",
                "min_stars?: int[1..5](1..5) | with at least {} stars | Lowest star rating.",
                "verified_only?=false: bool | from verified buyers only / from all reviewers | Only verified purchases.",
                "limit?=10: int[1..100](3..20) | — {} of them | Number of reviews."
            ]
        },
        {
            name: "price_alert",
            description: "Get notified when a product drops below a price.",
            action: "set a price alert",
            params: [
                "sku: str<sku> | for {} | Product SKU.",
                "target_price: num(5..2000)/2 | at {} | Notify at or below this price.",
                "email: str<email> | and e-mail {} | Where to send the alert."
            ]
        },
        {
            name: "compare_products",
            description: "Compare the specifications of several products side by side.",
            action: "compare",
            standalone: "compare products",
            params: [
                "skus: str<sku>[]{2,4} | the products {} | SKUs to compare.",
                "attributes?: enum(price,weight,battery,dimensions,warranty,rating)[] | on {} | Attributes to compare; all when omitted."
            ]
        }
    ]
};
