import type {DomainSpec} from "../ToolSpec.js";

/** Hosts, DNS, ports, certificates and IP addresses. */
export const networkingSpecs: DomainSpec = {
    domain: "networking",
    namespace: "net",
    tools: [
        {
            name: "ping_host",
            description: "Ping a host and report latency and packet loss.",
            action: "ping",
            standalone: "ping a host",
            params: [
                "host: str<hostname> | {} | Hostname or IP address.",
                "count?=4: int[1..100](3..20) | {} times | Number of echo requests.",
                "timeout_ms?=1000: int[100..10000](500..5000) | with a {} ms timeout | Timeout per request."
            ]
        },
        {
            name: "dns_lookup",
            description: "Look up DNS records of a domain.",
            action: "look up the DNS records",
            params: [
                "domain: str<domain> | for {} | Domain name.",
                "record_type?=A: enum(A,AAAA,MX,TXT,CNAME,NS,SOA) | of type {} | Record type."
            ]
        },
        {
            name: "scan_ports",
            description: "Check which of the given TCP ports are open on a host.",
            action: "check which ports are open",
            params: [
                "host: str<ip> | on {} | Target IP address.",
                "ports: int(20..9000)[]{1,6} | among {} | Ports to test."
            ]
        },
        {
            name: "whois_lookup",
            description: "Get the registrar and registration dates of a domain.",
            action: "run a WHOIS lookup on",
            standalone: "run a WHOIS lookup",
            params: ["domain: str<domain> | {} | Domain name."]
        },
        {
            name: "check_ssl_certificate",
            description: "Check the TLS certificate of a host: issuer, validity and expiry.",
            action: "check the SSL certificate of",
            standalone: "check an SSL certificate",
            params: [
                "hostname: str<domain> | {} | Host to check.",
                "port?=443: int[1..65535](443..8443) | on port {} | TLS port."
            ]
        },
        {
            name: "ip_geolocation",
            description: "Get the approximate location and network owner of an IP address.",
            action: "geolocate the IP address",
            standalone: "geolocate an IP address",
            params: ["ip: str<ip> | {} | IPv4 address."]
        },
        {
            name: "subnet_calculator",
            description: "Compute network address, broadcast address and host range of a subnet.",
            action: "calculate the subnet for",
            standalone: "calculate subnet details",
            params: [
                "ip_address: str<ip> | {} | Any address in the subnet.",
                "prefix_length: int[0..32](8..30) | with a /{} prefix | CIDR prefix length."
            ]
        },
        {
            name: "http_request",
            description: "Send an HTTP request and return the status, headers and body.",
            action: "send",
            standalone: "send an HTTP request",
            params: [
                "method: enum(GET,POST,PUT,DELETE,PATCH,HEAD) | a {} request | HTTP method.",
                "url: str<url> | to {} | Target URL.",
                "timeout_s?=30: int[1..300](5..60) | with a {} second timeout | Timeout in seconds.",
                "follow_redirects?=true: bool | following redirects / without following redirects | Whether to follow redirects."
            ]
        },
        {
            name: "traceroute",
            description: "Trace the network path to a host.",
            action: "trace the route to",
            standalone: "run a traceroute",
            params: [
                "target: str<hostname> | {} | Destination host.",
                "max_hops?=30: int[1..64](5..30) | with at most {} hops | Hop limit."
            ]
        },
        {
            name: "block_ip",
            description: "Add an IP address to the firewall block list.",
            action: "block",
            standalone: "block an IP address",
            params: [
                "ip: str<ip> | the IP {} | Address to block.",
                "duration_hours?: int[1..8760](1..168) | for {} hours | How long to block; permanently when omitted.",
                "reason?: str<message> | noting \"{}\" | Reason recorded in the audit log."
            ]
        },
        {
            name: "mac_vendor",
            description: "Look up the hardware vendor of a MAC address.",
            action: "look up the vendor of MAC address",
            standalone: "look up a MAC address vendor",
            params: ["mac: str<mac> | {} | MAC address, colon separated."]
        }
    ]
};
