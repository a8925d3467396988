/**
 * Areas of implementation the study names or implies. Each is held tight or loose per phase;
 * planners add their own (schedules, staffing roles, family engagement, budget ...).
 */
export interface AreaDefinition {
  key: string;
  name: string;
  description: string;
}

export const DEFAULT_AREAS: readonly AreaDefinition[] = [
  { key: 'vision', name: 'Vision and outcomes', description: 'Why the system supports blended and personalized learning, what success means for students, and how it is measured.' },
  { key: 'model', name: 'Definition of the model', description: 'One shared definition of blended and personalized learning and what it looks like in a classroom.' },
  { key: 'curriculum', name: 'Curriculum and digital content', description: 'Core curriculum, digital content and tools that teachers and students use.' },
  { key: 'pd', name: 'Professional development and coaching', description: 'How teachers and leaders learn the model: training, coaching and communities of practice.' },
  { key: 'technology', name: 'Technology and device procurement', description: 'Devices, connectivity, platforms and how they are bought and supported.' },
  { key: 'evaluation', name: 'Evaluation and data systems', description: 'How implementation and outcomes are measured, and the data systems behind it.' },
];
