/** A phone number as a link that a phone dials: the number as written, the tel: address of its digits. */
export function PhoneLink({ number }: { number: string }) {
  return <a href={`tel:${number.normalize("NFKC").replace(/[^0-9+]/g, "")}`}>{number}</a>;
}
