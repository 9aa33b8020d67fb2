import type { Region } from '@liaison/contracts';

/** Invented company roots, flavoured by region (any resemblance to a real firm is accidental). */
// biome-ignore format: packed word list
export const COMPANY_ROOTS: Record<Region, readonly string[]> = {
  noram: [
    'Northwind', 'Bluefin', 'Cobalt Creek', 'Ironbridge', 'Silverline', 'Keystone', 'Brightwater',
    'Harborview', 'Evergreen', 'Granite Peak', 'Lakeshore', 'Pinecrest', 'Riverbend', 'Stonegate',
    'Clearpath', 'Redwood Ridge', 'Oakridge', 'Halcyon', 'Vantage Point', 'Nimbus', 'Polaris',
    'Cascade', 'Tidewater', 'Crescent Bay', 'Beacon Hill', 'Lumen', 'Kestrel', 'Juniper', 'Magnolia',
    'Sierra Vista', 'Copperfield', 'Bristlecone', 'Prairie Wind', 'Hudson Gate', 'Liberty Forge',
    'Mesa Verde', 'Blue Heron', 'Cedar Point', 'Foxhollow', 'Ridgeline', 'Sawtooth', 'Wolf Creek',
  ],
  emea: [
    'Nordhavn', 'Alpenrose', 'Thameside', 'Rheinwerk', 'Baltic Amber', 'Lusitano', 'Helvetia Peak',
    'Brabant', 'Caledon', 'Fjordline', 'Kastell', 'Lindenhof', 'Medway', 'Oresund', 'Pennine',
    'Quaystone', 'Sankt Moritz', 'Tagus', 'Vltava', 'Wexford', 'Zuiderzee', 'Adriatica', 'Bergamot',
    'Carrow', 'Danube Gate', 'Elbmarsch', 'Fenland', 'Garonne', 'Highgate', 'Isar', 'Jutland',
    'Kilbride', 'Loire Valley', 'Mistral', 'Nevis', 'Orkney', 'Provence', 'Rhodes', 'Solent',
  ],
  apac: [
    'Sakura Hill', 'Kowhai', 'Tasman', 'Lotus Bay', 'Banyan', 'Meranti', 'Coral Sea', 'Mekong',
    'Jade Harbour', 'Kiwi Ridge', 'Monsoon', 'Orchid Isle', 'Pacifica', 'Red Gum', 'Southern Cross',
    'Tamarind', 'Uluru', 'Wattle', 'Yarra', 'Zephyr Bay', 'Andaman', 'Bondi', 'Cinnabar', 'Golden Wattle',
    'Hanami', 'Indus Valley', 'Kauri', 'Lantau', 'Marigold', 'Nusantara',
  ],
  latam: [
    'Andino', 'Pampa Verde', 'Ceiba', 'Tierra Alta', 'Río Claro', 'Cordillera', 'Araucaria',
    'Quetzal', 'Sol Naciente', 'Bahía Azul', 'Cerro Rojo', 'Guayacán', 'Jacarandá', 'Lago Sur',
    'Mar del Plata', 'Nevado', 'Orinoco', 'Patagónica', 'Río Grande', 'Selva Norte', 'Tucán',
    'Valle Sagrado', 'Yerba Buena', 'Altiplano',
  ],
};

// biome-ignore format: packed word list
export const INDUSTRIES: Record<string, readonly string[]> = {
  'Financial Services': ['Bank', 'Capital', 'Financial', 'Payments', 'Securities', 'Credit Union'],
  Insurance: ['Insurance', 'Mutual', 'Assurance'],
  Healthcare: ['Health', 'Medical Group', 'Health System', 'Clinics'],
  Pharmaceuticals: ['Therapeutics', 'Pharma', 'Biosciences', 'Life Sciences'],
  Retail: ['Retail', 'Stores', 'Outfitters', 'Market'],
  Telecommunications: ['Telecom', 'Networks', 'Communications', 'Mobile'],
  Manufacturing: ['Industries', 'Manufacturing', 'Precision', 'Components'],
  Automotive: ['Motors', 'Automotive', 'Mobility'],
  Software: ['Software', 'Labs', 'Technologies', 'Systems', 'Cloud'],
  'Media & Entertainment': ['Media', 'Studios', 'Entertainment', 'Broadcasting'],
  Energy: ['Energy', 'Power', 'Utilities', 'Renewables'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Transport'],
  Gaming: ['Games', 'Interactive'],
  'Aerospace & Defense': ['Aerospace', 'Defense Systems', 'Avionics'],
  'Travel & Hospitality': ['Hotels', 'Travel', 'Airways'],
};

export const INDUSTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Financial Services', 14],
  ['Insurance', 5],
  ['Healthcare', 8],
  ['Pharmaceuticals', 5],
  ['Retail', 8],
  ['Telecommunications', 6],
  ['Manufacturing', 8],
  ['Automotive', 5],
  ['Software', 16],
  ['Media & Entertainment', 5],
  ['Energy', 5],
  ['Logistics', 6],
  ['Gaming', 3],
  ['Aerospace & Defense', 3],
  ['Travel & Hospitality', 3],
];

// biome-ignore format: packed word list
export const LEGAL_FORMS: Record<Region, readonly string[]> = {
  noram: ['Inc.', 'Corp.', 'LLC'],
  emea: ['GmbH', 'Ltd', 'plc', 'AG', 'S.A.', 'B.V.', 'AB', 'S.p.A.'],
  apac: ['Pty Ltd', 'Pte Ltd', 'Co., Ltd.', 'K.K.', 'Ltd'],
  latam: ['S.A.', 'S.A. de C.V.', 'Ltda.', 'S.A.S.'],
};

/** Fictional places for public-sector bodies. */
// biome-ignore format: packed word list
export const PUBLIC_PLACES: Record<Region, readonly string[]> = {
  noram: ['Westmoor', 'Port Alder', 'Eastbrook', 'Northgate', 'Fairhaven', 'Silver Lake', 'Greenvale'],
  emea: ['Kingsbridge', 'Nordmark', 'Valdoria', 'Ostmark', 'Lowmere', 'Aldwyn'],
  apac: ['New Tasman', 'Southport Bay', 'Kirrawee', 'Marlow Heads', 'Taranui'],
  latam: ['Nueva Esperanza', 'San Aurelio', 'Valle Hermoso', 'Puerto Celeste'],
};

export const PUBLIC_BODIES = [
  { pattern: '{place} Department of Revenue', industry: 'Government' },
  { pattern: '{place} Department of Transportation', industry: 'Government' },
  { pattern: '{place} Health Services Agency', industry: 'Healthcare' },
  { pattern: '{place} Digital Services Office', industry: 'Government' },
  { pattern: '{place} Public Safety Directorate', industry: 'Government' },
  { pattern: '{place} State University', industry: 'Education' },
  { pattern: '{place} Institute of Technology', industry: 'Education' },
  { pattern: 'Ministry of Justice of {place}', industry: 'Government' },
  { pattern: '{place} Defence Procurement Agency', industry: 'Aerospace & Defense' },
  { pattern: '{place} Statistics Bureau', industry: 'Government' },
  { pattern: '{place} City Council', industry: 'Government' },
  { pattern: '{place} Environmental Protection Agency', industry: 'Government' },
] as const;

/** Subsidiary names: the parent's root plus one of these. */
// biome-ignore format: packed word list
export const SUBSIDIARY_SUFFIXES: Record<Region, readonly string[]> = {
  noram: ['North America', 'Canada', 'Labs', 'Digital', 'Services', 'Research'],
  emea: ['Europe', 'UK', 'Deutschland', 'Nordics', 'Iberia', 'Middle East'],
  apac: ['Asia Pacific', 'Japan', 'Australia', 'Singapore', 'India'],
  latam: ['Latin America', 'Brasil', 'México', 'Andina'],
};

// biome-ignore format: packed word list
export const PUBLIC_DIVISIONS = ['Data Office', 'Platform Team', 'Cyber Unit', 'Innovation Lab', 'IT Services'];

// biome-ignore format: packed word list
export const FIRST_NAMES: Record<Region, readonly string[]> = {
  noram: [
    'James', 'Emily', 'Michael', 'Sarah', 'David', 'Jessica', 'Chris', 'Ashley', 'Daniel', 'Lauren',
    'Kevin', 'Megan', 'Brian', 'Rachel', 'Jason', 'Nicole', 'Andrew', 'Stephanie', 'Tyler', 'Amanda',
    'Marcus', 'Keisha', 'Raj', 'Mei', 'Carlos', 'Hannah', 'Derek', 'Tanya', 'Omar', 'Grace',
  ],
  emea: [
    'Lukas', 'Sophie', 'Matteo', 'Emma', 'Jan', 'Anna', 'Pierre', 'Claire', 'Lars', 'Ingrid', 'Oliver',
    'Charlotte', 'Tomás', 'Elena', 'Henrik', 'Marta', 'Noah', 'Lea', 'Pieter', 'Aoife', 'Jakub',
    'Zofia', 'Youssef', 'Amira', 'Stefan', 'Camille', 'Giulia', 'Rhys', 'Freya', 'Mehmet',
  ],
  apac: [
    'Hiroshi', 'Yuki', 'Wei', 'Li', 'Min-jun', 'Ji-woo', 'Arjun', 'Priya', 'Ananya', 'Rahul', 'Siti',
    'Ahmad', 'Jun', 'Mei', 'Kenta', 'Sakura', 'Liam', 'Chloe', 'Jack', 'Olivia', 'Thanh', 'Linh',
    'Ravi', 'Nur', 'Aroha', 'Tane', 'Haruto', 'Xin', 'Deepika', 'Joshua',
  ],
  latam: [
    'Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Sebastián', 'Isabella', 'Diego', 'Lucía',
    'Gabriel', 'Mariana', 'Felipe', 'Daniela', 'Rodrigo', 'Ana', 'João', 'Beatriz', 'Pedro',
    'Fernanda', 'Thiago', 'Catalina', 'Andrés', 'Renata', 'Emiliano',
  ],
};

// biome-ignore format: packed word list
export const LAST_NAMES: Record<Region, readonly string[]> = {
  noram: [
    'Johnson', 'Smith', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Anderson', 'Thomas',
    'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
    'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Patel', 'Kim', 'Cohen', "O'Brien",
  ],
  emea: [
    'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Laurent', 'Jansen', 'de Vries', 'Andersson',
    'Nielsen', 'Kowalski', 'Nowak', 'García', 'Fernández', "O'Connor", 'Murphy', 'Taylor', 'Brown',
    'Evans', 'Hoffmann', 'Weber', 'Moreau', 'Lindberg', 'Haddad', 'Novák', 'Costa', 'Yilmaz', 'Hughes',
  ],
  apac: [
    'Tanaka', 'Suzuki', 'Sato', 'Takahashi', 'Wang', 'Chen', 'Zhang', 'Liu', 'Kim', 'Park', 'Lee',
    'Sharma', 'Gupta', 'Iyer', 'Reddy', 'Tan', 'Lim', 'Wong', 'Ng', 'Nguyen', 'Tran', 'Santos', 'Wilson',
    'Ngata', 'Kaur', 'Yamamoto', 'Huang',
  ],
  latam: [
    'González', 'Rodríguez', 'Pérez', 'Martínez', 'López', 'Silva', 'Santos', 'Oliveira', 'Souza',
    'Ramírez', 'Torres', 'Flores', 'Rojas', 'Vargas', 'Castro', 'Morales', 'Herrera', 'Mendoza',
    'Costa', 'Almeida', 'Navarro', 'Cardoso',
  ],
};

/** Fictional-range phone numbers per region. */
// biome-ignore format: packed word list
export const PHONE_PATTERNS: Record<Region, readonly string[]> = {
  noram: ['+1 415 555 01##', '+1 212 555 01##', '+1 512 555 01##', '+1 416 555 01##'],
  emea: ['+44 20 7946 0###', '+49 30 5555 ####', '+33 1 55 55 ## ##', '+31 20 555 ####'],
  apac: ['+61 2 5550 ####', '+65 6555 ####', '+81 3 5555 ####', '+91 22 5555 ####'],
  latam: ['+55 11 5555 ####', '+52 55 5555 ####', '+54 11 5555 ####', '+56 2 2555 ####'],
};
