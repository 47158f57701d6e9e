// One separate yes/no question of the consent form, as a large radio pair with no answer chosen up front.
export function YesNo(props: {
  name: string;
  legend: string;
  yes: string;
  no: string;
  value: boolean | null;
  onChange: (v: boolean) => void;
}) {
  return (
    <fieldset className="consent-question">
      <legend>{props.legend}</legend>
      {[true, false].map((v) => (
        <label key={String(v)} className="consent-choice">
          <input type="radio" name={props.name} checked={props.value === v} onChange={() => props.onChange(v)} />
          {v ? props.yes : props.no}
        </label>
      ))}
    </fieldset>
  );
}
