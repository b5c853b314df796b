// Two instances of docusaurus-plugin-roles, each owning one docs instance:
// the imaging staff's roles and table at /roles, the patient-care team's at
// /patients/roles. Each content instance says which roles instance its pages
// belong to (`[remarkRoles, {instance}]`); an alias (`rn`) and an area
// (`patient-care`) exist only in the second. Each page must render with its
// own instance's labels and link to its own table, and each table and export
// list only its own pages.
import {remarkRoles} from 'docusaurus-plugin-roles';

export default {
  title: 'Two instances',
  url: 'https://example.org',
  baseUrl: '/',
  future: {v4: true},
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: '/', remarkPlugins: [[remarkRoles, {instance: 'default'}]]},
        blog: false,
      },
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'patients',
        path: 'patients',
        routeBasePath: 'patients',
        remarkPlugins: [[remarkRoles, {instance: 'patients'}]],
      },
    ],
    [
      'docusaurus-plugin-roles',
      {
        roles: {radiologist: {label: 'Radiologist'}, technologist: {label: 'Radiologic technologist'}},
        areas: {imaging: {label: 'Imaging'}, general: {label: 'General'}},
      },
    ],
    [
      'docusaurus-plugin-roles',
      {
        id: 'patients',
        roles: {
          nurse: {label: 'Radiology nurse', aliases: ['rn']},
          technologist: {label: 'Technologist (patient care)'},
        },
        areas: {'patient-care': {label: 'Patient care'}, general: {label: 'General'}},
        tablePath: '/patients/roles',
        tableTitle: 'Who cares for you',
        jsonFilename: 'patients-roles.json',
        csvFilename: 'patients-roles.csv',
      },
    ],
  ],
};
