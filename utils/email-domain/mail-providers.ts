/**
 * Large mail providers: domains whose owner runs mail for millions and will not let the domain
 * lapse, so the email-domain check does not look them up (nothing to learn, nothing to send).
 *
 * Source: Mozilla Thunderbird's ISPDB, the provider database Thunderbird's account set-up reads
 * (github.com/thunderbird/autoconfig, `ispdb/<provider>.xml`, commit c6ad79659b5f of 2026-03-12):
 * each entry below lists the `<domain>` elements of the named file, which include the provider's
 * country variants (hotmail.co.uk, yahoo.com.br…). Left out on purpose: domains those files list
 * because the provider hosts their mail (jazztel.es and nyu.edu in Google's file, cox.net in
 * Yahoo's), infrastructure host names (yahoodns.net, olc.protection.outlook.com), and the hundreds
 * of vanity domains of mail.com: those can lapse like any other domain, so they are checked.
 * Providers ISPDB does not list (they offer no plain IMAP set-up) are marked `by hand`: their own
 * sign-up pages name these domains.
 *
 * To update: compare with the current ISPDB files, keep the rule above, and name the new commit.
 * A subdomain of a listed domain counts as the provider's (`mail.gmail.com`); nothing else does —
 * `yahoo.xyz` is not Yahoo's until it is listed here.
 */
export const LARGE_MAIL_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  // ispdb/googlemail.com.xml
  Google: ['gmail.com', 'googlemail.com', 'google.com'],
  // ispdb/hotmail.com.xml
  Microsoft: [
    'hotmail.com', 'live.com', 'msn.com', 'outlook.com', 'windowslive.com',
    'outlook.at', 'outlook.be', 'outlook.cl', 'outlook.cz', 'outlook.de', 'outlook.dk', 'outlook.es', 'outlook.fr', 'outlook.hu', 'outlook.ie',
    'outlook.in', 'outlook.it', 'outlook.jp', 'outlook.kr', 'outlook.lv', 'outlook.my', 'outlook.ph', 'outlook.pt', 'outlook.sa', 'outlook.sg',
    'outlook.sk', 'outlook.co.id', 'outlook.co.il', 'outlook.co.th', 'outlook.com.ar', 'outlook.com.au', 'outlook.com.br', 'outlook.com.gr',
    'outlook.com.tr', 'outlook.com.vn',
    'hotmail.be', 'hotmail.ca', 'hotmail.cl', 'hotmail.cz', 'hotmail.de', 'hotmail.dk', 'hotmail.es', 'hotmail.fi', 'hotmail.fr', 'hotmail.gr',
    'hotmail.hu', 'hotmail.it', 'hotmail.lt', 'hotmail.lv', 'hotmail.my', 'hotmail.nl', 'hotmail.no', 'hotmail.ph', 'hotmail.rs', 'hotmail.se',
    'hotmail.sg', 'hotmail.sk', 'hotmail.co.id', 'hotmail.co.il', 'hotmail.co.in', 'hotmail.co.jp', 'hotmail.co.kr', 'hotmail.co.th',
    'hotmail.co.uk', 'hotmail.co.za', 'hotmail.com.ar', 'hotmail.com.au', 'hotmail.com.br', 'hotmail.com.hk', 'hotmail.com.tr', 'hotmail.com.tw',
    'hotmail.com.vn',
    'live.at', 'live.be', 'live.ca', 'live.cl', 'live.cn', 'live.de', 'live.dk', 'live.fi', 'live.fr', 'live.hk', 'live.ie', 'live.in', 'live.it',
    'live.jp', 'live.nl', 'live.no', 'live.ru', 'live.se', 'live.co.jp', 'live.co.kr', 'live.co.uk', 'live.co.za', 'live.com.ar', 'live.com.au',
    'live.com.mx', 'live.com.my', 'live.com.ph', 'live.com.pt', 'live.com.sg', 'livemail.tw',
  ],
  // ispdb/yahoo.com.xml, ispdb/yahoo.co.jp.xml
  Yahoo: [
    'yahoo.com', 'yahoo.ca', 'yahoo.de', 'yahoo.it', 'yahoo.fr', 'yahoo.es', 'yahoo.se', 'yahoo.co.in', 'yahoo.co.uk', 'yahoo.co.nz',
    'yahoo.com.au', 'yahoo.com.ar', 'yahoo.com.br', 'yahoo.com.mx', 'ymail.com', 'myyahoo.com', 'rocketmail.com', 'yahoo.co.jp',
  ],
  // ispdb/aol.com.xml
  AOL: [
    'aol.com', 'aim.com', 'netscape.net', 'netscape.com', 'compuserve.com', 'cs.com', 'wmconnect.com', 'aol.de', 'aol.it', 'aol.fr', 'aol.es',
    'aol.se', 'aol.co.uk', 'aol.co.nz', 'aol.com.au', 'aol.com.ar', 'aol.com.br', 'aol.com.mx',
  ],
  // ispdb/me.com.xml
  Apple: ['icloud.com', 'me.com', 'mac.com'],
  // by hand
  Proton: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
  // ispdb/gmx.net.xml, ispdb/gmx.com.xml
  GMX: [
    'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.eu', 'gmx.biz', 'gmx.org', 'gmx.info', 'gmx.com', 'gmx.tm', 'gmx.us', 'gmx.co.uk', 'gmx.es',
    'gmx.fr', 'gmx.ca', 'gmx.cn', 'gmx.co.in', 'gmx.com.br', 'gmx.com.my', 'gmx.hk', 'gmx.ie', 'gmx.ph', 'gmx.pt', 'gmx.ru', 'gmx.se', 'gmx.sg',
    'gmx.tw', 'gmx.com.tr', 'gmx.it', 'gmx.li',
  ],
  // ispdb/web.de.xml
  'WEB.DE': ['web.de'],
  // ispdb/mail.com.xml: its main domains only (see above)
  'mail.com': ['mail.com', 'email.com'],
  // ispdb/yandex.ru.xml
  Yandex: ['yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru', 'narod.ru'],
  // ispdb/mail.ru.xml
  'Mail.ru': ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru'],
  // ispdb/qq.com.xml
  'Tencent QQ': ['qq.com'],
  // ispdb/163.com.xml, ispdb/126.com.xml, ispdb/yeah.net.xml
  NetEase: ['163.com', '126.com', 'yeah.net'],
  // ispdb/zoho.*.xml, ispdb/zohocloud.ca.xml
  Zoho: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zohomail.eu', 'zoho.in', 'zohomail.in', 'zoho.jp', 'zohomail.jp', 'zoho.com.au', 'zohomail.com.au', 'zohocloud.ca', 'zohomailcloud.ca'],
  // ispdb/messagingengine.com.xml; the two public domains by hand
  Fastmail: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
  // by hand
  Tuta: ['tuta.com', 'tutanota.com', 'tutanota.de', 'tutamail.com', 'tuta.io', 'keemail.me'],
  // by hand
  'mailbox.org': ['mailbox.org'],
  // by hand
  HEY: ['hey.com'],
  // ispdb/posteo.de.xml (its other country domains are vanity aliases, checked like any domain)
  Posteo: ['posteo.de', 'posteo.net'],
  // ispdb/naver.com.xml, ispdb/daum.net.xml
  Naver: ['naver.com'],
  Daum: ['daum.net'],
  // ispdb/seznam.cz.xml
  Seznam: ['seznam.cz', 'email.cz', 'post.cz'],
  // ispdb/t-online.de.xml
  'T-Online': ['t-online.de', 'magenta.de'],
  // ispdb/orange.fr.xml, ispdb/free.fr.xml, ispdb/laposte.net.xml
  Orange: ['orange.fr', 'wanadoo.fr'],
  Free: ['free.fr'],
  'La Poste': ['laposte.net'],
  // ispdb/libero.it.xml
  Libero: ['libero.it'],
  // ispdb/wp.pl.xml, ispdb/onet.pl.xml, ispdb/o2.pl.xml (main domains)
  WP: ['wp.pl'],
  Onet: ['onet.pl', 'op.pl'],
  o2: ['o2.pl', 'tlen.pl'],
  // ispdb/rambler.ru.xml
  Rambler: ['rambler.ru'],
  // ispdb/comcast.net.xml, ispdb/att.net.xml, ispdb/verizon.net.xml
  Comcast: ['comcast.net'],
  'AT&T': ['att.net', 'sbcglobal.net', 'bellsouth.net'],
  Verizon: ['verizon.net'],
  // ispdb/btinternet.com.xml, ispdb/sky.com.xml
  BT: ['btinternet.com'],
  Sky: ['sky.com'],
  // ispdb/bigpond.com.xml
  Telstra: ['bigpond.com', 'bigpond.net.au', 'telstra.com'],
  // ispdb/rediffmail.com.xml, ispdb/uol.com.br.xml, ispdb/bol.com.br.xml, ispdb/sapo.pt.xml
  Rediffmail: ['rediffmail.com'],
  UOL: ['uol.com.br', 'bol.com.br'],
  SAPO: ['sapo.pt'],
};

const PROVIDER_BY_DOMAIN: ReadonlyMap<string, string> = new Map(
  Object.entries(LARGE_MAIL_PROVIDERS).flatMap(([provider, domains]) => domains.map((domain) => [domain, provider] as const)),
);

/**
 * The host an address's mail goes to, as DNS spells it: lower-case, IDNs in their `xn--` form,
 * without a trailing dot. Null for an address without a usable domain.
 */
export function mailHostOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  const raw = address.slice(at + 1).trim().replace(/\.$/, '');
  if (at < 0 || !raw) return null;
  try {
    // The URL parser applies IDNA: `bücher.example` → `xn--bcher-kva.example`.
    const host = new URL(`https://${raw}/`).hostname;
    return host && !host.startsWith('[') ? host : null;
  } catch {
    return null;
  }
}

/** The large provider that owns a mail host, or null (the host or one of its parent domains is listed). */
export function largeMailProviderOf(host: string): string | null {
  const labels = host.toLowerCase().split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    const provider = PROVIDER_BY_DOMAIN.get(labels.slice(start).join('.'));
    if (provider) return provider;
  }
  return null;
}
