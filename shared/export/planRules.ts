import type { Roadmap } from "../model/schema";

/**
 * How the plan counts, in a reader's words: what the report's and the deck's
 * assumptions pages say under "How the plan counts". Without costs, nothing
 * about money.
 */
export function planCountingRules(roadmap: Pick<Roadmap, "contactCap">, includeCosts: boolean): string[] {
  return [
    "Customers move between phases month by month at the rates given; a segment's customers at the start are its customers in the phases at the start.",
    "A communication sent on entry reaches the customers who entered its phase that many months earlier and are still in it; a recurring or one-off one reaches the phase's customers in the months it sends.",
    ...(includeCosts
      ? [
          "A communication costs its channel's fixed cost per send and cost per contact, unless it has its own; a send reaching no one costs nothing.",
        ]
      : []),
    `A customer responds to a communication at most once while in its phase, so responses never exceed the customers reached${includeCosts ? "; value is responses times the value of a response" : ""}.`,
    `Contact pressure counts what one customer receives: the sends reaching the customers of a segment who entered a phase in the same month, from every owner. More than the roadmap's cap of ${roadmap.contactCap} a month, or more sends of one channel than that channel's own limit, is a collision.`,
  ];
}
