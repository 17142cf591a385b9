// Registers every element (guarded: a second copy on the page stays silent, another version warns once).
// Definition order does not matter: a context root hands early context requests to the flow once it is defined.
import './elements/booking-flow.js';
import './elements/hourly-calendar.js';
