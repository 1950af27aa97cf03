import { createContext, useContext } from "react";

/**
 * The locale numbers are typed and shown in: the user's own (what the
 * browser or the operating system says), as everywhere else in the app.
 * Tests provide another to type as a German or Indian user would.
 */
export const NumberLocaleContext = createContext<string>(new Intl.NumberFormat().resolvedOptions().locale);

export const useNumberLocale = (): string => useContext(NumberLocaleContext);
