import type { Reply } from '@parley/shared';
import { type OutgoingMessage, webClient } from './client';
import type { WidgetConfig } from './config';
import { conversationStore, randomId } from './conversation';
import { el } from './dom';
import { renderReply, renderSent } from './render';
import { styles } from './styles';

const CHAT_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
/** A typing pause is shown for real, but never holds the conversation up for long. */
const MAX_TYPING_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts the chat bubble on the page, inside a shadow root, and connects it to the bot. */
export function mountWidget(config: WidgetConfig, storage: Storage | undefined): HTMLElement {
  // A custom element's name: the page's \`div\` rules do not match it.
  const host = document.createElement('parley-chat');
  host.id = 'parley-chat-widget';
  host.className = config.position;
  host.style.setProperty('--accent', config.color);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = styles;
  const root = el('div', 'root');
  shadow.append(style, root);

  const launcher = el('button', 'launcher');
  launcher.type = 'button';
  launcher.innerHTML = CHAT_ICON;
  launcher.append(el('span', 'dot'));
  launcher.setAttribute('aria-label', `Open chat: ${config.title}`);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'parley-panel');

  const panel = el('div', 'panel');
  panel.id = 'parley-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', config.title);
  const header = el('header');
  if (config.logoUrl) {
    const logo = el('img');
    logo.src = config.logoUrl;
    logo.alt = '';
    header.append(logo);
  }
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close chat');
  header.append(el('h2', '', config.title), close);
  const log = el('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', 'Conversation');
  log.tabIndex = 0;
  const form = el('form');
  const input = el('input');
  input.type = 'text';
  input.placeholder = 'Type a message…';
  input.setAttribute('aria-label', 'Your message');
  input.maxLength = 2_000;
  input.autocomplete = 'off';
  const send = el('button', 'send', 'Send');
  send.type = 'submit';
  form.append(input, send);
  panel.append(header, log, form);
  root.append(panel, launcher);

  const client = webClient(config.server, config.botId);
  const conversation = conversationStore(config.server, config.botId, storage);
  let lastTurnId = 0;
  let live: EventSource | undefined;
  let playing: Promise<void> = Promise.resolve();

  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };
  const add = (node: HTMLElement) => {
    log.append(node);
    scrollDown();
  };
  const isOpen = () => !panel.hidden;
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    root.classList.toggle('open', open);
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      launcher.classList.remove('unread');
      launcher.setAttribute('aria-label', `Open chat: ${config.title}`);
      input.focus();
      scrollDown();
    } else launcher.focus();
  };
  launcher.addEventListener('click', () => setOpen(!isOpen()));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });

  /** Replies are shown in order, across answers and live messages, pausing where the flow types. */
  const play = (replies: Reply[], pauses: boolean) => {
    playing = playing.then(async () => {
      for (const reply of replies) {
        if (reply.type === 'typing') {
          if (!pauses) continue;
          const dots = el('div', 'typing');
          dots.setAttribute('aria-label', 'typing');
          dots.append(el('i'), el('i'), el('i'));
          add(dots);
          await sleep(Math.min(reply.ms, MAX_TYPING_MS));
          dots.remove();
          continue;
        }
        const node = renderReply(reply, { postback: (payload, title) => void say({ payload, title }, title) });
        if (node) add(node);
      }
      if (replies.length > 0 && !isOpen()) {
        launcher.classList.add('unread');
        launcher.setAttribute('aria-label', `Open chat: ${config.title} (new messages)`);
      }
    });
    return playing;
  };

  const listen = (conversationId: string) => {
    if (live && live.readyState !== EventSource.CLOSED) return;
    live = client.live(conversationId, lastTurnId, (message) => {
      if (message.id <= lastTurnId) return;
      lastTurnId = message.id;
      void play(message.replies, true);
    });
  };

  async function say(message: OutgoingMessage, shown: string, messageId = randomId('msg_')) {
    const conversationId = conversation.current() ?? conversation.create();
    // Earlier quick replies are spent once the customer moves on.
    for (const button of log.querySelectorAll<HTMLButtonElement>('.choice')) button.disabled = true;
    add(renderSent(shown));
    const typing = el('div', 'typing');
    typing.setAttribute('aria-label', 'typing');
    typing.append(el('i'), el('i'), el('i'));
    add(typing);
    const answer = await client.send(conversationId, message, messageId);
    typing.remove();
    if (!answer.ok) {
      const problem = el('div', 'error', `Not sent: ${answer.error}`);
      problem.setAttribute('role', 'alert');
      const retry = el('button', '', 'Retry');
      retry.type = 'button';
      // The same message id: if the first try did arrive, the server answers it again without running it twice.
      retry.addEventListener('click', () => {
        problem.remove();
        log.lastElementChild?.remove();
        void say(message, shown, messageId);
      });
      problem.append(retry);
      add(problem);
      return;
    }
    await play(answer.replies, true);
    listen(conversationId);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void say({ text }, text);
  });

  if (config.greeting) add(renderReply({ type: 'text', text: config.greeting }, { postback: () => {} }) ?? el('div'));
  const known = conversation.current();
  if (known)
    void client.history(known).then(async (turns) => {
      for (const turn of turns) {
        if (turn.sent !== undefined) add(renderSent(turn.sent));
        await play(turn.replies, false);
        lastTurnId = Math.max(lastTurnId, turn.id);
      }
      // Only the latest quick replies can still be answered.
      const groups = [...log.querySelectorAll('.choices')];
      for (const group of groups.slice(0, -1)) for (const button of group.querySelectorAll('button')) button.disabled = true;
      launcher.classList.remove('unread');
      if (turns.length > 0) listen(known);
    });
  return host;
}
