/**
 * Name pools for the demo people: common Italian first names and surnames (north-west flavour), plus the
 * foreign-born groups most represented among CPI users in Piemonte and Lombardia, each with the Z code
 * the codice fiscale uses for the country of birth and the language they speak.
 */

export const ITALIAN_MALE_NAMES = [
  "Marco", "Luca", "Andrea", "Alessandro", "Francesco", "Matteo", "Davide", "Simone", "Stefano", "Giuseppe",
  "Paolo", "Roberto", "Giovanni", "Fabio", "Massimo", "Alberto", "Riccardo", "Lorenzo", "Federico", "Daniele",
  "Michele", "Antonio", "Claudio", "Emanuele", "Gabriele", "Nicola", "Salvatore", "Filippo", "Enrico", "Mattia",
  "Giorgio", "Pietro", "Tommaso", "Luigi", "Vincenzo", "Diego", "Mauro", "Sergio", "Cristian", "Samuele",
  "Dario", "Fabrizio", "Gianluca", "Maurizio", "Alessio", "Walter", "Franco", "Angelo", "Ivan", "Edoardo",
] as const;

export const ITALIAN_FEMALE_NAMES = [
  "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessia", "Silvia", "Elena", "Federica",
  "Laura", "Elisa", "Paola", "Roberta", "Simona", "Anna", "Maria", "Barbara", "Monica", "Cristina",
  "Daniela", "Alice", "Giorgia", "Serena", "Claudia", "Manuela", "Stefania", "Ilaria", "Veronica", "Michela",
  "Debora", "Sonia", "Erika", "Marta", "Beatrice", "Camilla", "Arianna", "Noemi", "Aurora", "Sofia",
  "Lucia", "Rita", "Antonella", "Patrizia", "Luisa", "Angela", "Emanuela", "Irene", "Nadia", "Katia",
] as const;

export const ITALIAN_SURNAMES = [
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
  "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
  "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
  "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
  "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti",
  "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani",
  "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
  "Brambilla", "Bonetti", "Pozzi", "Riva", "Mauri", "Galimberti", "Crippa", "Sironi", "Perego", "Fumagalli",
  "Bertolini", "Beretta", "Zanetti", "Rota", "Locatelli", "Pagani", "Gariboldi", "Colombi", "Ferrero", "Bosio",
  "Bruna", "Giraudo", "Bertola", "Chiesa", "Mollo", "Operti", "Rosso", "Gribaudo", "Cerutti", "Audisio",
  "Bergamini", "Cavallo", "Negri", "Vaccaro", "Piras", "Sorrentino", "Ruggiero", "Arena", "Cirillo", "Calabrese",
] as const;

export interface ForeignGroup {
  country: string;
  /** Country of birth in the codice fiscale (Z + 3 digits). */
  birthCode: string;
  /** Language code of the national list (languages.csv) spoken as mother tongue. */
  language: string;
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  weight: number;
}

export const FOREIGN_GROUPS: readonly ForeignGroup[] = [
  {
    country: "Romania", birthCode: "Z129", language: "RUM", weight: 5,
    male: ["Ionut", "Andrei", "Mihai", "Florin", "Constantin", "Adrian"],
    female: ["Ioana", "Elena", "Mihaela", "Andreea", "Florentina", "Daniela"],
    surnames: ["Popescu", "Ionescu", "Dumitru", "Stan", "Munteanu", "Constantin", "Radu", "Lungu"],
  },
  {
    country: "Marocco", birthCode: "Z330", language: "ARA", weight: 4,
    male: ["Mohamed", "Youssef", "Hassan", "Rachid", "Karim", "Said"],
    female: ["Fatima", "Khadija", "Nadia", "Samira", "Amina", "Salma"],
    surnames: ["El Amrani", "Benali", "Bouzid", "El Idrissi", "Chakir", "Tahiri", "Lahlou"],
  },
  {
    country: "Albania", birthCode: "Z100", language: "ALB", weight: 3,
    male: ["Arben", "Besnik", "Ermal", "Gentian", "Dritan", "Klodian"],
    female: ["Elona", "Blerina", "Anila", "Ermira", "Valbona", "Jonida"],
    surnames: ["Hoxha", "Shehu", "Dervishi", "Leka", "Gjoka", "Kola", "Meta"],
  },
  {
    country: "Perù", birthCode: "Z611", language: "SPA", weight: 2,
    male: ["Jorge", "Luis", "Carlos", "Miguel", "Javier"],
    female: ["Rosa", "Carmen", "Milagros", "Gladys", "Patricia"],
    surnames: ["Quispe", "Flores", "Huaman", "Mamani", "Rojas", "Chavez"],
  },
  {
    country: "Egitto", birthCode: "Z336", language: "ARA", weight: 2,
    male: ["Ahmed", "Mahmoud", "Mostafa", "Tarek", "Amr"],
    female: ["Mona", "Heba", "Rania", "Dina", "Nour"],
    surnames: ["Abdelrahman", "Hassan", "Mansour", "Farouk", "Salem"],
  },
  {
    country: "Ucraina", birthCode: "Z138", language: "UCR", weight: 2,
    male: ["Oleksandr", "Andrii", "Serhii", "Volodymyr"],
    female: ["Olena", "Nataliia", "Iryna", "Oksana", "Tetiana"],
    surnames: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk"],
  },
  {
    country: "Senegal", birthCode: "Z343", language: "005", weight: 1,
    male: ["Mamadou", "Ousmane", "Cheikh", "Abdoulaye", "Modou"],
    female: ["Fatou", "Aminata", "Awa", "Mariama"],
    surnames: ["Diop", "Ndiaye", "Fall", "Sow", "Gueye", "Ba"],
  },
];
