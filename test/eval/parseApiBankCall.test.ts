import {suite} from "uvu";
import * as assert from "uvu/assert";
import {parseApiBankCall} from "../../src/eval/parseApiBankCall.js";
import {pyRepr} from "../../src/eval/pyRepr.js";

const t = suite("parseApiBankCall");
const read = (text: string) => {
    const call = parseApiBankCall(text);
    return call === undefined ? undefined : `${call.name}${pyRepr(call.args)}`;
};

t("reads the first [Name(key=value, ...)] as Python keyword arguments", () => {
    assert.is(read("API-Request: [ModifyRegistration(appointment_id='34567890', new_appointment_date='2023-03-26', new_appointment_doctor='Dr. Lee')]"),
        "ModifyRegistration{'appointment_id': '34567890', 'new_appointment_date': '2023-03-26', 'new_appointment_doctor': 'Dr. Lee'}");
    assert.is(read("[Calculator(formula=\"(5+3)*2\", n=5, ok=True, xs=['a', 'b'])]"), "Calculator{'formula': '(5+3)*2', 'n': 5, 'ok': True, 'xs': ['a', 'b']}");
    assert.is(read("[GetToday()]"), "GetToday{}");
    assert.is(read("Sure, I will do it now."), undefined);
});

t("reads calls that are not valid Python: quotes inside a quoted value", () => {
    assert.is(read("API-Request: [RecordHealthData(user_id='12345', time='2023-06-14 13:30:00', health_data='[{'name': 'blood_pressure', 'value': '130/80'}]')]"),
        "RecordHealthData{'user_id': '12345', 'time': '2023-06-14 13:30:00', 'health_data': \"[{'name': 'blood_pressure', 'value': '130/80'}]\"}");
    assert.is(read("[AddMeeting(topic='Bob's party', n=3)]"), "AddMeeting{'topic': \"Bob's party\", 'n': 3}");
});

t.run();
