// The `keys` command (test/helpers/keyboard.ts): press, type and hold keys alike in every browser the suite runs in.
// @web/test-runner-webdriver's sendKeys has no down/up and drops repeated characters in WebKitGTK ("+44" arrives as
// "+4"), so under WebDriver the keys go as WebDriver actions, whose key state lasts from one command to the next.

/** WebDriver's code points for the named keys the tests press (the WebDriver spec's table of keys). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
};

/** [action, key] pairs for a payload of one of press, type, down or up. */
function steps({ press, type, down, up }) {
  if (press)
    return [
      ['keyDown', press],
      ['keyUp', press],
    ];
  if (type)
    return [...type].flatMap((c) => [
      ['keyDown', c],
      ['keyUp', c],
    ]);
  return [[down ? 'keyDown' : 'keyUp', down ?? up]];
}

export function keysPlugin() {
  return {
    name: 'keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'keys') return undefined;
      const browser = session.browser;
      if (browser.type === 'puppeteer') {
        const keyboard = browser.getPage(session.id).keyboard;
        if (payload.type)
          await keyboard.type(payload.type); // characters off the key layout too
        else
          for (const [action, key] of steps(payload))
            await (action === 'keyDown' ? keyboard.down(key) : keyboard.up(key));
        return true;
      }
      if (browser.type === 'webdriver') {
        const actions = steps(payload).map(([type, key]) => ({ type, value: WEBDRIVER_KEYS[key] ?? key }));
        // The launcher's session manager (one session at a time: concurrency 1) is where its actions go.
        await browser.driverManager.performActions(session.id, [{ type: 'key', id: 'keyboard', actions }]);
        return true;
      }
      throw new Error(`keys: no way to send keys to a ${browser.type} browser`);
    },
  };
}
