import type { PropertyDeclarations } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import { BookingElement } from './booking-element.js';
import { CatalogTask } from './catalog-task.js';
import { choiceStyles, groupName, renderChoices, type Choice } from './choice-list.js';
import type { ChoiceSearch } from './choice-search.js';
import { catalogContext, consumer, selectionContext, type CatalogState, type Selection } from './contexts.js';

/**
 * Base of the steps that offer a choice from the catalog (branch, service, staff): they read the catalog, the
 * flow's selection and the display settings, and remember their own choice when no <booking-flow> keeps one.
 * Used on their own, they load the catalog with their `client`.
 */
export class CatalogStep extends BookingElement {
  static override styles = [BookingElement.sharedStyles, choiceStyles];

  static override properties: PropertyDeclarations = { client: { attribute: false }, chosen: { state: true } };

  /** The client to load the catalog with when no `<booking-flow>` provides one (a step used on its own). */
  client?: AvailabilityClient;

  readonly #catalog = consumer(this, catalogContext);
  /** Without a flow: the catalog of `client`, loaded by the step itself. */
  readonly #own = new CatalogTask(this, () => (this.#catalog.value ? undefined : this.client));
  readonly #selection = consumer(this, selectionContext);
  /** The choice when no <booking-flow> keeps the selection. */
  protected chosen?: string;

  protected override willUpdate(): void {
    this.#own.refresh();
  }

  protected get catalog(): CatalogState | undefined {
    return this.#catalog.value ?? (this.client ? this.#own.state : undefined);
  }

  protected get selection(): Selection | undefined {
    return this.#selection.value;
  }

  /** A radio-group name of this instance's own. */
  protected readonly name = groupName(this.localName);

  /** The search over a long list: a chunk, asked for (#loading) when this step first has one. */
  #search?: ChoiceSearch;
  #loading?: Promise<void>;

  /**
   * The step's choices (see renderChoices); more than six are a compact list with a search field, which `what`
   * (the catalog part's word) names.
   */
  protected choices(
    legend: string,
    what: string,
    choices: Choice[],
    selected: string | undefined,
    onChoose: (value: string) => void,
  ) {
    const many = choices.length > 6;
    if (many && !this.#loading)
      this.#loading = import('./choice-search.js').then(
        (chunk) => void (this.#search = new chunk.ChoiceSearch(this, () => this.settings.strings)),
      );
    const [shown, head] = many && this.#search ? this.#search.render(choices, selected, what) : [choices, undefined];
    return renderChoices(legend, this.name, shown, selected, onChoose, head);
  }
}
