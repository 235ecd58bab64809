import type {DomainSpec} from "../ToolSpec.js";

/** Thermostats, lights, locks, cameras and energy at home. */
export const smartHomeSpecs: DomainSpec = {
    domain: "smart_home",
    namespace: "home",
    tools: [
        {
            name: "set_thermostat",
            description: "Set the target temperature and mode of a thermostat.",
            action: "set the thermostat",
            params: [
                "temperature: num(15..28)/1 | to {} degrees | Target temperature in Celsius.",
                "mode?=auto: enum(heat,cool,auto,off) | in {} mode | Operating mode.",
                "zone?: str<home_room> | in the {} | Zone to set; the whole house when omitted."
            ]
        },
        {
            name: "control_lights",
            description: "Turn lights in a room on or off and set brightness and colour.",
            action: "switch",
            standalone: "control the lights",
            params: [
                "room: str<home_room> | the {} lights | Room.",
                "on: bool | on / off | True to turn on, false to turn off.",
                "brightness?: int[1..100](10..100) | at {}% brightness | Brightness percentage.",
                "color?: str<hex_color> | in colour {} | Colour as a hex code."
            ]
        },
        {
            name: "lock_door",
            description: "Lock or unlock a smart door lock.",
            action: "operate the lock on the",
            standalone: "lock or unlock a door",
            params: [
                "door: enum(front,back,garage,patio,side) | {} door | Which door.",
                "locked: bool | to locked / to unlocked | True to lock, false to unlock.",
                "auto_relock_minutes?: int[1..60](1..15) | relocking after {} minutes | Relock automatically after this long."
            ]
        },
        {
            name: "camera_snapshot",
            description: "Take a snapshot from a security camera.",
            action: "take a snapshot",
            params: [
                "camera: enum(front_door,driveway,backyard,garage,nursery) | from the {} camera | Camera.",
                "night_vision?=false: bool | with night vision / without night vision | Whether to force night vision."
            ]
        },
        {
            name: "energy_usage",
            description: "Report household electricity usage for a period.",
            action: "report my electricity usage",
            params: [
                "start_date: str<date> | from {} | First day, YYYY-MM-DD.",
                "end_date: str<date> | to {} | Last day, YYYY-MM-DD.",
                "granularity?=day: enum(hour,day,week,month) | per {} | Reporting interval."
            ]
        },
        {
            name: "run_appliance",
            description: "Start a smart appliance program with a delay.",
            action: "start the",
            standalone: "start an appliance",
            params: [
                "appliance: enum(dishwasher,washing_machine,dryer,oven,robot_vacuum) | {} | Appliance.",
                "program?=eco: enum(eco,quick,intensive,normal,delicate) | on the {} program | Program.",
                "delay_minutes?=0: int[0..720](15..240) | in {} minutes | Delay before starting."
            ]
        },
        {
            name: "create_automation",
            description: "Create a home automation rule triggered at a time.",
            action: "create an automation",
            params: [
                "name: str<automation_name> | called \"{}\" | Rule name.",
                "trigger_time: str<time> | that runs at {} | Time of day, HH:MM.",
                "days: enum(mon,tue,wed,thu,fri,sat,sun)[]{1,7} | on {} | Days it runs.",
                {param: "actions: obj[]{1,3} | and does {} | What happens.", fields: [
                    "device: str<home_device> | {} | Device.",
                    "command: enum(on,off,open,close,dim) | {} | Command."
                ]}
            ]
        },
        {
            name: "set_alarm_system",
            description: "Arm or disarm the home alarm system.",
            action: "set the alarm system to",
            standalone: "arm or disarm the alarm",
            params: [
                "mode: enum(armed_away,armed_home,disarmed) | {} | Alarm mode.",
                "pin: str<pin> | with PIN {} | Security PIN."
            ]
        }
    ]
};
